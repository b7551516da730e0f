package org.p2pstorage.storage.entity;

/**
 * The process state of a storage node, as in the original system. READY: idle. WAITING: chunks are on
 * their way to it (waiting for network I/O). RUNNING: reading or writing a chunk. STOPPED: taken down;
 * it stores nothing and answers nothing until started again.
 */
public enum ProcessState {
    READY,
    WAITING,
    RUNNING,
    STOPPED;

    public boolean alive() {
        return this != STOPPED;
    }
}
