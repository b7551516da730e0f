package org.p2pstorage.storage.entity;

/** The event of a copy found bad on a node's disk by the scrubber: repair takes it from there. */
public record DamagedCopy(String nodeId, ChunkKey key) {
}
