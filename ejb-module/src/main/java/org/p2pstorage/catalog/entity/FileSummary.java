package org.p2pstorage.catalog.entity;

import java.time.Instant;

/**
 * A line of the file list. {@code health} (healthy, degraded, unavailable) is there for AVAILABLE files
 * only: a file that cannot be downloaded now never shows as plainly available.
 */
public record FileSummary(String fileId, String name, long size, String sha256, int chunks, String status,
                          Instant createdAt, String folderId, String health, int replicas, String recoveredFrom) {

    public static FileSummary of(StoredFile file, FileHealth health) {
        return new FileSummary(file.id(), file.name(), file.size(), file.sha256(), file.chunkCount(),
                file.status().name(), file.createdAt(), file.folderId(),
                file.status() == FileStatus.AVAILABLE && health != null ? health.label() : null,
                file.replicas(), file.recoveredFrom());
    }
}
