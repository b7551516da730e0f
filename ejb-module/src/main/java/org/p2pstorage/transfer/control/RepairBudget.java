package org.p2pstorage.transfer.control;

/**
 * How much of one direction of a link repair traffic has used: a virtual clock that advances by each
 * repair transmission's time divided by repair's share of the link. While it runs ahead of now by more
 * than the horizon, repair sends nothing more on that link, so users' traffic keeps the rest.
 */
public class RepairBudget {

    private long usedUntil = Long.MIN_VALUE;

    /** Whether repair may book another transmission now without running ahead of the horizon. */
    public synchronized boolean admits(long now, long horizonNanos) {
        return usedUntil <= now + horizonNanos;
    }

    /** The earliest moment the next repair transmission may start on this direction. */
    public synchronized long nextSlot(long now) {
        return Math.max(now, usedUntil);
    }

    /** Spends the budget for a transmission of {@code transmissionNanos} starting at {@code slot}. */
    public synchronized void use(long slot, long transmissionNanos, double share) {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("the repair share must be in (0, 1], not " + share);
        }
        usedUntil = Math.max(usedUntil, slot) + Math.round(transmissionNanos / share);
    }
}
