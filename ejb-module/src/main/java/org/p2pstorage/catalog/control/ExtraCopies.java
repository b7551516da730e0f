package org.p2pstorage.catalog.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.network.boundary.Nodes;

/**
 * Removes copies above a chunk's replication factor (a node came back after repair had replaced its
 * copies), from the fullest nodes first, so that capacity accounting stays exact and room goes where it
 * is scarce.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ExtraCopies {

    @Inject
    CopyRepository copies;

    @EJB
    NetworkState networkState;

    @EJB
    Nodes nodes;

    /** Trims up to {@code limit} chunks; answers whether more may remain. */
    public boolean trim(Set<String> live, int limit) {
        List<FileChunk> strong = copies.overStrength(live, limit);
        for (FileChunk chunk : strong) {
            List<ChunkCopy> good = new ArrayList<>(chunk.readable(live::contains));
            good.sort(Comparator.comparingLong((ChunkCopy c) -> networkState.view(c.nodeId()).availableBytes()));
            for (ChunkCopy extra : good.subList(0, Math.max(0, good.size() - chunk.file().replicas()))) {
                if (copies.drop(chunk.fileId(), chunk.index(), extra.nodeId())) {
                    nodes.delete(extra.nodeId(), chunk.key());
                }
            }
        }
        return strong.size() == limit;
    }
}
