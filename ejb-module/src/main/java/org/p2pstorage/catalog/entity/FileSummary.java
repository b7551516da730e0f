package org.p2pstorage.catalog.entity;

import java.time.Instant;

/** A line of the file list. */
public record FileSummary(String fileId, String name, long size, String sha256, int chunks, String status,
                          Instant createdAt, String folderId) {

    public static FileSummary of(StoredFile file) {
        return new FileSummary(file.id(), file.name(), file.size(), file.sha256(), file.chunkCount(),
                file.status().name(), file.createdAt(), file.folderId());
    }
}
