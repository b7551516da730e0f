package org.p2pstorage.catalog.entity;

/** Whether the node has acknowledged a chunk placed on it. */
public enum PlacementState {
    PENDING,
    STORED,
    REJECTED
}
