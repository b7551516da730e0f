package org.p2pstorage.transfer.control;

import org.p2pstorage.transfer.entity.Booking;
import org.p2pstorage.transfer.entity.LinkSettings;

/**
 * The virtual clock of one direction of one link. A link carries one packet at a time, so its bytes
 * are serialized in time as on a wire: a transmission starts when both the sender is ready and the link
 * is free, and takes bytes / bandwidth; the packet arrives one propagation delay after it has left.
 * A lost packet still used the link; the sender notices the missing acknowledgement after the
 * retransmission timeout and sends it again, at the link's next free moment.
 * <p>
 * Nothing here waits: {@link #book} only computes the times, and the caller lets the message broker
 * deliver the chunk at its arrival time. Times are nanoseconds on the caller's clock
 * ({@link System#nanoTime()} on the server).
 */
public class LinkClock {

    private final long retransmissionTimeoutNanos;
    private LinkSettings settings;
    private long freeAt = Long.MIN_VALUE;

    public LinkClock(LinkSettings settings, long retransmissionTimeoutNanos) {
        this.settings = settings;
        this.retransmissionTimeoutNanos = retransmissionTimeoutNanos;
    }

    public synchronized LinkSettings settings() {
        return settings;
    }

    /** New settings apply to every transmission booked from now on. */
    public synchronized void change(LinkSettings settings) {
        this.settings = settings;
    }

    /** How long a sender must hold back so as not to book further ahead than {@code horizonNanos}. */
    public synchronized long holdBack(long now, long horizonNanos) {
        if (freeAt <= now) {
            return 0;
        }
        return Math.max(0, freeAt - now - horizonNanos);
    }

    /** The moment the link has sent everything booked so far. */
    public synchronized long freeAt() {
        return freeAt;
    }

    /** Books the transmission of {@code bytes} for the packet named {@code key}, drawing delay and loss. */
    public synchronized Booking book(long now, long bytes, String key, Draws draws) {
        long transmission = settings.transmissionNanos(bytes);
        long ready = now;
        long firstStart = Long.MIN_VALUE;
        for (int attempt = 1; ; attempt++) {
            long start = Math.max(ready, freeAt);
            if (firstStart == Long.MIN_VALUE) {
                firstStart = start;
            }
            long finish = start + transmission;
            freeAt = finish;
            int delayMs = draws.between(key, attempt, "delay", settings.delayMinMs(), settings.delayMaxMs());
            boolean lost = draws.uniform(key, attempt, "loss") < settings.lossRate();
            if (!lost) {
                return new Booking(firstStart, finish + delayMs * 1_000_000L, attempt, transmission, delayMs);
            }
            ready = finish + retransmissionTimeoutNanos;
        }
    }
}
