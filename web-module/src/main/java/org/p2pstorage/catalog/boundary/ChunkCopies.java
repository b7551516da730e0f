package org.p2pstorage.catalog.boundary;

import java.io.Serializable;
import java.util.List;

import org.p2pstorage.catalog.entity.FileDetails;

/**
 * The chunk map as File details draws it: every chunk with every copy by node and the copy's state
 * (PENDING on its way, STORED, OFFLINE on a stopped node, REJECTED), and the chunk's health. Read from
 * the durability catalog's chunk map ({@link FileDetails#chunkMap}).
 */
public record ChunkCopies(int index, int size, String health, List<Copy> copies) implements Serializable {

    /** One copy of a chunk. */
    public record Copy(String node, String state) implements Serializable {
    }

    static List<ChunkCopies> of(FileDetails details) {
        return details.chunkMap().stream().map(c -> new ChunkCopies(c.index(), c.size(), c.health(),
                c.copies().stream().map(copy -> new Copy(copy.node(), copy.state())).toList())).toList();
    }

    public long inFlight() {
        return copies.stream().filter(c -> "PENDING".equals(c.state())).count();
    }
}
