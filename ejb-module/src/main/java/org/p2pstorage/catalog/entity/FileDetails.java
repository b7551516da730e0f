package org.p2pstorage.catalog.entity;

import java.time.Instant;
import java.util.List;

/** A file's metadata and its chunk map. */
public record FileDetails(String fileId, String name, long size, String sha256, int chunkSize, int chunks,
                          String status, int chunksAcknowledged, String failure, Instant createdAt,
                          Instant completedAt, List<ChunkView> chunkMap) {

    public static FileDetails of(StoredFile file, List<ChunkView> chunkMap) {
        return new FileDetails(file.id(), file.name(), file.size(), file.sha256(), file.chunkSize(),
                file.chunkCount(), file.status().name(), file.acknowledged(), file.failure(), file.createdAt(),
                file.completedAt(), chunkMap);
    }
}
