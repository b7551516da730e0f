package org.p2pstorage.storage.entity;

/** What a node answers when a chunk arrives: the acknowledgement travels back to the uploader. */
public enum StoreOutcome {
    /** Written to disk (or already there with the same content: a redelivery). */
    STORED,
    /** The node had no room left for it. */
    NO_ROOM,
    /** The bytes did not match their SHA-256: damaged in transit. */
    CORRUPT,
    /** The node is stopped. */
    OFFLINE,
    /** The node could not write it (a disk error on the node). */
    FAILED;

    public boolean stored() {
        return this == STORED;
    }
}
