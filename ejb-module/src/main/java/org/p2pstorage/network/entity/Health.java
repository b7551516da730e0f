package org.p2pstorage.network.entity;

import org.p2pstorage.storage.entity.NodeStatus;

/** What a health check says of a node. */
public enum Health {
    ALIVE,
    DEAD;

    public static Health of(NodeStatus status) {
        return status.alive() ? ALIVE : DEAD;
    }
}
