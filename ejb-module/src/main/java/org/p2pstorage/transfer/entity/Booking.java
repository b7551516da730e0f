package org.p2pstorage.transfer.entity;

/**
 * When a booked transmission reaches the other end, after how many attempts and delays. The link model
 * ({@code LinkClock}) computes it and the transfer feature's boundary ({@code Links}) returns it, so it is an
 * entity of the feature: the catalog and the network read a booking's times without reaching into transfer's
 * controls. Times are nanoseconds on the server's {@link System#nanoTime()} clock.
 */
public record Booking(long startNanos, long arrivalNanos, int attempts, long transmissionNanos, int delayMs) {

    public int retransmissions() {
        return attempts - 1;
    }

    /** The broker's delivery delay for a message that must arrive at {@code arrivalNanos}: whole ms, never negative. */
    public static long millisUntil(long arrivalNanos) {
        return Math.max(0, Math.round((arrivalNanos - System.nanoTime()) / 1e6));
    }
}
