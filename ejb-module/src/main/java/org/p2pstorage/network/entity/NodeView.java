package org.p2pstorage.network.entity;

import java.time.Instant;

import org.p2pstorage.storage.entity.NodeStatus;

/** A node as the API and the clients show it: the seed's nodes table in one record. */
public record NodeView(String id, String address, String state, String health, long capacityBytes,
                       long usedBytes, long availableBytes, double utilizationPercent, int segments,
                       Instant downSince) {

    public static NodeView of(NodeStatus status) {
        return new NodeView(status.id(), status.address(), status.state().name(), Health.of(status).name(),
                status.capacityBytes(), status.usedBytes(), status.availableBytes(), status.utilizationPercent(),
                status.segments(), status.downSince());
    }
}
