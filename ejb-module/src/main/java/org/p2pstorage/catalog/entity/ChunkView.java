package org.p2pstorage.catalog.entity;

import java.util.List;
import java.util.function.Predicate;

/** One chunk of the chunk map: where its copies are, in which state, and how strong the chunk is now. */
public record ChunkView(int index, int size, String sha256, String health, List<CopyView> copies) {

    /** One copy: its node and its state (PENDING, STORED, OFFLINE when its node is stopped, REJECTED). */
    public record CopyView(String node, String state) {
    }

    public static ChunkView of(FileChunk chunk, Predicate<String> alive, int replicas) {
        return new ChunkView(chunk.index(), chunk.size(), chunk.sha256(), chunk.health(alive, replicas).label(),
                chunk.copies().stream().map(c -> new CopyView(c.nodeId(), c.shownState(alive))).toList());
    }
}
