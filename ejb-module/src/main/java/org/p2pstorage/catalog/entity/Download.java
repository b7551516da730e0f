package org.p2pstorage.catalog.entity;

import java.util.List;

/** A download that has been checked and can start: the file and, in order, where each chunk can be read. */
public record Download(String fileId, String name, long size, String sha256, List<ChunkSource> chunks) {
}
