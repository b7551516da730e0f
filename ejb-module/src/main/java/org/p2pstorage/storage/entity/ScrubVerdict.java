package org.p2pstorage.storage.entity;

/** What re-reading one chunk from a node's disk found. */
public enum ScrubVerdict {
    /** The bytes match the SHA-256 the chunk was written with. */
    GOOD,
    /** The bytes do not match, or the file is unreadable: the copy is bad. */
    DAMAGED,
    /** The node no longer holds the chunk (deleted meanwhile): nothing to check. */
    GONE,
    /** The node is stopped: it reads nothing. */
    OFFLINE
}
