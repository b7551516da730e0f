package org.p2pstorage.catalog.entity;

/** What an upload answers: the new file's id and where it stands. */
public record UploadResponse(String fileId, String name, long size, String sha256, int chunks, String status) {

    public static UploadResponse of(StoredFile file) {
        return new UploadResponse(file.id(), file.name(), file.size(), file.sha256(), file.chunkCount(),
                file.status().name());
    }
}
