package org.p2pstorage.catalog.entity;

import java.time.Instant;
import java.util.List;

/**
 * A file's metadata, its health and its chunk map (every copy of every chunk), or a window of the map
 * starting at chunk {@code chunkMapOffset} when the caller asked for one.
 */
public record FileDetails(String fileId, String name, long size, String sha256, int chunkSize, int chunks,
                          String status, String health, int replicas, int chunksAcknowledged, String failure,
                          Instant createdAt, Instant completedAt, String folderId, String recoveredFrom,
                          int chunkMapOffset, List<ChunkView> chunkMap) {

    public static FileDetails of(StoredFile file, FileHealth health, int complete, int chunkMapOffset, List<ChunkView> chunkMap) {
        return new FileDetails(file.id(), file.name(), file.size(), file.sha256(), file.chunkSize(),
                file.chunkCount(), file.status().name(),
                file.status() == FileStatus.AVAILABLE && health != null ? health.label() : null,
                file.replicas(), complete, file.failure(), file.createdAt(), file.completedAt(), file.folderId(),
                file.recoveredFrom(), chunkMapOffset, chunkMap);
    }
}
