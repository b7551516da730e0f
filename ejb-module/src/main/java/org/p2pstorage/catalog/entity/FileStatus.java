package org.p2pstorage.catalog.entity;

/** Where a file is in its life: its chunks on their way, all of them stored, or given up. */
public enum FileStatus {
    TRANSFERRING,
    AVAILABLE,
    FAILED
}
