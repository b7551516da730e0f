package org.p2pstorage.network.entity;

import java.util.List;

/** Capacity, use and segments per node and for the whole network. */
public record StorageStatus(List<NodeStorage> nodes, NodeStorage total) {

    /** One node's disk, or (with id "total") the sum of all of them. */
    public record NodeStorage(String id, long capacityBytes, long usedBytes, long availableBytes,
                              double utilizationPercent, int segments) {
    }
}
