package org.p2pstorage.catalog.entity;

import java.util.List;

/**
 * A download that has been checked and can start: the file, its number of chunks and, in order, where
 * each of its first chunks can be read ({@code firstChunks}; the later ones are read from the catalog as
 * the download reaches them, so a large file's first byte does not wait for its whole chunk map).
 */
public record Download(String fileId, String name, long size, String sha256, int chunkCount, List<ChunkSource> firstChunks) {
}
