package org.p2pstorage.network.entity;

/**
 * A chunk's bytes as a node gave them, unchecked, and when they reach the gateway by the clock of the node's
 * host: a node's link back is played by the one server that hosts it, so two servers downloading from one node
 * share its bandwidth. {@code arrivalNanos} ({@link System#nanoTime()} here) is 0 for a node hosted here, whose
 * link the caller books itself on this server's clock.
 */
public record ChunkRead(byte[] data, long arrivalNanos) {

    /** Bytes read from a node hosted here: the caller's booking says when they arrive. */
    public static ChunkRead here(byte[] data) {
        return new ChunkRead(data, 0);
    }
}
