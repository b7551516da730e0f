package org.p2pstorage.catalog.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.storage.entity.ChunkKey;

/**
 * Removes copies above a chunk's replication factor (a node came back after repair had replaced its
 * copies), from the fullest nodes first, so that capacity accounting stays exact and room goes where it
 * is scarce.
 * <p>
 * Only the catalog's side is done here: the room each node has left is read by the boundary that trims
 * ({@code Repairs}) from the network feature and passed in, and the copies taken out of the catalog are
 * handed back for that boundary to delete from their nodes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExtraCopies {

    @Inject
    CopyRepository copies;

    /** A copy taken out of the catalog, still to be deleted from its node. */
    public record Dropped(String nodeId, ChunkKey key) {
    }

    /** The copies a trim took out of the catalog, and whether more chunks may have copies to spare. */
    public record Trim(List<Dropped> dropped, boolean more) {
    }

    /**
     * Trims up to {@code limit} chunks, dropping the extra copies on the nodes with the least
     * {@code availableBytes} first.
     */
    public Trim trim(Set<String> live, Map<String, Long> availableBytes, int limit) {
        List<FileChunk> strong = copies.overStrength(live, limit);
        List<Dropped> dropped = new ArrayList<>();
        for (FileChunk chunk : strong) {
            List<ChunkCopy> good = new ArrayList<>(chunk.readable(live::contains));
            good.sort(Comparator.comparingLong((ChunkCopy c) -> availableBytes.getOrDefault(c.nodeId(), 0L)));
            for (ChunkCopy extra : good.subList(0, Math.max(0, good.size() - chunk.file().replicas()))) {
                if (copies.drop(chunk.fileId(), chunk.index(), extra.nodeId())) {
                    dropped.add(new Dropped(extra.nodeId(), chunk.key()));
                }
            }
        }
        return new Trim(dropped, strong.size() == limit);
    }
}
