package org.p2pstorage.catalog.entity;

import org.p2pstorage.storage.entity.ChunkKey;

/** Where to fetch one chunk of a download from, and what it must look like when it comes back. */
public record ChunkLocation(String fileId, int index, int size, String sha256, String nodeId) {

    public static ChunkLocation of(String fileId, ChunkPlacement placement) {
        FileChunk chunk = placement.chunk();
        return new ChunkLocation(fileId, chunk.index(), chunk.size(), chunk.sha256(), placement.nodeId());
    }

    public ChunkKey key() {
        return new ChunkKey(fileId, index);
    }
}
