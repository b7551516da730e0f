package org.p2pstorage.transfer.entity;

/**
 * A copy of a chunk the catalog has recorded and hands to the wire, with the time its link was booked to
 * deliver it ({@link System#nanoTime()} based). The catalog fires it as a CDI event rather than calling the
 * transfer feature's internals; the transfer feature's {@code ChunkProducer} observes it synchronously, so the
 * chunk leaves in the catalog's transaction, exactly when the row that expects it is committed.
 */
public record ChunkDeparture(ChunkParcel parcel, long arrivalNanos) {
}
