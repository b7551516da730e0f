package org.p2pstorage.storage.entity;

/** A snapshot of one storage node: who it is, what it is doing and how full its disk is. */
public record NodeStatus(String id, String address, ProcessState state, long capacityBytes, long usedBytes,
                         long reservedBytes, int segments) {

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
