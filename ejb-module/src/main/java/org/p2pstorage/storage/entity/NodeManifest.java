package org.p2pstorage.storage.entity;

import java.util.List;

/** Everything a node knows of what it holds: its chunks and the records of their files. */
public record NodeManifest(String nodeId, List<HeldChunk> chunks, List<FileRecord> files) {
}
