package org.p2pstorage.catalog.entity;

/** Where one copy of a chunk stands with its node: on its way, stored, or refused. */
public enum CopyState {
    PENDING,
    STORED,
    REJECTED
}
