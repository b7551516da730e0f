package org.p2pstorage.storage.entity;

import java.time.Instant;

/**
 * A snapshot of one storage node: who it is, what it is doing, how full its disk is, and since when it
 * has been down ({@code null} while it is alive).
 */
public record NodeStatus(String id, String address, ProcessState state, long capacityBytes, long usedBytes,
                         long reservedBytes, int segments, Instant downSince) {

    /** The same node in another process state (down since now when it is STOPPED). */
    public NodeStatus in(ProcessState newState) {
        return new NodeStatus(id, address, newState, capacityBytes, usedBytes, reservedBytes, segments,
                newState.alive() ? null : java.time.Instant.now());
    }

    public long availableBytes() {
        return Math.max(0, capacityBytes - usedBytes - reservedBytes);
    }

    public double utilizationPercent() {
        return capacityBytes == 0 ? 0 : Math.round(usedBytes * 10000.0 / capacityBytes) / 100.0;
    }

    public boolean alive() {
        return state.alive();
    }
}
