package org.p2pstorage.catalog.entity;

/**
 * What an upload answers: the new file's id and where it stands; {@code failure} says why a FAILED upload
 * failed (null otherwise).
 */
public record UploadResponse(String fileId, String name, long size, String sha256, int chunks, String status,
                             String failure) {

    public static UploadResponse of(StoredFile file) {
        return new UploadResponse(file.id(), file.name(), file.size(), file.sha256(), file.chunkCount(),
                file.status().name(), file.status() == FileStatus.FAILED ? file.failure() : null);
    }

    /** A file read to its end whose chunks are still on their way to the nodes. */
    public static UploadResponse transferring(String fileId, String name, long size, String sha256, int chunks) {
        return new UploadResponse(fileId, name, size, sha256, chunks, FileStatus.TRANSFERRING.name(), null);
    }

    /** A file removed before its upload ended (its owner deleted it, or it was given up and cleaned away). */
    public static UploadResponse gone(String fileId) {
        return new UploadResponse(fileId, null, 0, null, 0, FileStatus.FAILED.name(),
                "the file was removed before its upload ended");
    }
}
