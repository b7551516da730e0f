package org.p2pstorage.network.entity;

import java.util.List;

import org.p2pstorage.storage.entity.NodeStatus;

/** Capacity, use and segments per node and for the whole network. */
public record StorageStatus(List<NodeStorage> nodes, NodeStorage total) {

    /** Each node's disk and their sum ({@code name}: what the sum is called). */
    public static StorageStatus of(String name, List<NodeStatus> statuses) {
        List<NodeStorage> perNode = statuses.stream()
                .map(s -> new NodeStorage(s.id(), s.capacityBytes(), s.usedBytes(), s.availableBytes(),
                        s.utilizationPercent(), s.segments()))
                .toList();
        long capacityBytes = statuses.stream().mapToLong(NodeStatus::capacityBytes).sum();
        long used = statuses.stream().mapToLong(NodeStatus::usedBytes).sum();
        long reserved = statuses.stream().mapToLong(NodeStatus::reservedBytes).sum();
        int segments = statuses.stream().mapToInt(NodeStatus::segments).sum();
        NodeStatus sum = new NodeStatus("total", name, null, capacityBytes, used, reserved, segments, null);
        return new StorageStatus(perNode, new NodeStorage("total", capacityBytes, used, sum.availableBytes(),
                sum.utilizationPercent(), segments));
    }

    /** One node's disk, or (with id "total") the sum of all of them. */
    public record NodeStorage(String id, long capacityBytes, long usedBytes, long availableBytes,
                              double utilizationPercent, int segments) {
    }
}
