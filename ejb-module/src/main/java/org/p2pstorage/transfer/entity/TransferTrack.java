package org.p2pstorage.transfer.entity;

/**
 * How a file's chunks were booked on the links: how many and how many bytes, how many had to be
 * retransmitted, and when (on the server's nanosecond clock) the first started and the last will arrive.
 */
public record TransferTrack(int chunks, long bytes, int retransmissions, long firstStartNanos, long lastArrivalNanos) {

    public TransferTrack plus(long bytes, int retransmissions, long startNanos, long arrivalNanos) {
        return new TransferTrack(chunks + 1, this.bytes + bytes, this.retransmissions + retransmissions,
                Math.min(firstStartNanos, startNanos), Math.max(lastArrivalNanos, arrivalNanos));
    }

    public static TransferTrack first(long bytes, int retransmissions, long startNanos, long arrivalNanos) {
        return new TransferTrack(1, bytes, retransmissions, startNanos, arrivalNanos);
    }
}
