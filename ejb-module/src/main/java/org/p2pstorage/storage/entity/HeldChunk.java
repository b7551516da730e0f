package org.p2pstorage.storage.entity;

/** A chunk a node holds, as its manifest says: which one, its size and the SHA-256 it was written with. */
public record HeldChunk(ChunkKey key, long size, String sha256) {
}
