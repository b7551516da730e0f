package org.p2pstorage.catalog.entity;

/** One cell of the chunk map: a chunk, the node that holds it and whether the node has confirmed it. */
public record ChunkView(int index, int size, String sha256, String node, String state) {

    public static ChunkView of(ChunkPlacement placement) {
        FileChunk chunk = placement.chunk();
        return new ChunkView(chunk.index(), chunk.size(), chunk.sha256(), placement.nodeId(), placement.state().name());
    }
}
