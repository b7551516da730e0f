package org.p2pstorage.transfer.entity;

/**
 * A node's network interface as the simulation plays it: bandwidth in bytes per second (0 means
 * unthrottled), a propagation delay drawn uniformly from [delayMinMs, delayMaxMs], and the probability
 * that a data packet is lost and must be retransmitted.
 */
public record LinkSettings(long bandwidthBytesPerSecond, int delayMinMs, int delayMaxMs, double lossRate) {

    /** The original system's link: 64 KiB/s, 1-10 ms, 1% loss. */
    public static final LinkSettings DEFAULT = new LinkSettings(65_536, 1, 10, 0.01);

    public LinkSettings {
        if (bandwidthBytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidthBytesPerSecond cannot be negative");
        }
        if (delayMinMs < 0 || delayMaxMs < delayMinMs || delayMaxMs > 60_000) {
            throw new IllegalArgumentException("the delay needs 0 <= delayMinMs <= delayMaxMs <= 60000");
        }
        if (!(lossRate >= 0 && lossRate < 1)) {
            throw new IllegalArgumentException("lossRate must be at least 0 and below 1");
        }
    }

    public boolean throttled() {
        return bandwidthBytesPerSecond > 0;
    }

    /** How long {@code bytes} take to leave the interface, in nanoseconds. */
    public long transmissionNanos(long bytes) {
        return throttled() ? Math.round(bytes * 1e9 / bandwidthBytesPerSecond) : 0;
    }
}
