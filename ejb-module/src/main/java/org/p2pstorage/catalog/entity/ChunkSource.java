package org.p2pstorage.catalog.entity;

import java.util.List;

import org.p2pstorage.storage.entity.ChunkKey;

/** One chunk of a download: what it must look like, and the nodes that hold a good copy, best first. */
public record ChunkSource(String fileId, int index, int size, String sha256, List<String> nodes) {

    public ChunkKey key() {
        return new ChunkKey(fileId, index);
    }
}
