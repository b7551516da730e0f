package org.p2pstorage.catalog.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.CopyPurpose;
import org.p2pstorage.catalog.entity.CopyState;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.catalog.entity.FileStatus;

/**
 * The chunk map seen from the nodes' side, for repair: which chunks are below or above their file's
 * replication factor, which copies a node should hold, and dropping a copy that is gone or bad. The
 * repair work list is these queries over the catalog, so it survives a restart without a list of its own.
 */
@Stateless
public class CopyRepository {

    @PersistenceContext
    EntityManager em;

    /**
     * Chunks of available files that have fewer copies (stored or on their way) on {@code counted} nodes
     * than their file's replicas, oldest first, with their copies.
     */
    public List<FileChunk> underStrength(Set<String> counted, int limit) {
        if (counted.isEmpty()) {
            return List.of();
        }
        List<FileChunk> chunks = em.createNamedQuery(FileChunk.UNDER_STRENGTH, FileChunk.class)
                .setParameter("available", FileStatus.AVAILABLE).setParameter("rejected", CopyState.REJECTED)
                .setParameter("counted", counted).setMaxResults(limit).getResultList();
        chunks.forEach(c -> {
            c.file().replicas();
            c.copies().size();
        });
        return chunks;
    }

    /** Chunks of available files with more stored copies on live nodes than their file's replicas. */
    public List<FileChunk> overStrength(Set<String> live, int limit) {
        if (live.isEmpty()) {
            return List.of();
        }
        List<FileChunk> chunks = em.createNamedQuery(FileChunk.OVER_STRENGTH, FileChunk.class)
                .setParameter("available", FileStatus.AVAILABLE).setParameter("stored", CopyState.STORED)
                .setParameter("live", live).setMaxResults(limit).getResultList();
        chunks.forEach(c -> {
            c.file().replicas();
            c.copies().size();
        });
        return chunks;
    }

    /** The chunks at risk (fewer good live copies than their replicas): each one's size, replicas, good copies. */
    public List<Object[]> atRisk(Set<String> live) {
        return em.createNamedQuery(FileChunk.AT_RISK, Object[].class)
                .setParameter("available", FileStatus.AVAILABLE).setParameter("stored", CopyState.STORED)
                .setParameter("live", live.isEmpty() ? Set.of("") : live).getResultList();
    }

    /** How many stored copies the catalog has on the node. */
    public long countOn(String nodeId) {
        return em.createQuery("SELECT COUNT(c) FROM ChunkCopy c WHERE c.nodeId = :nodeId AND c.state = :stored", Long.class)
                .setParameter("nodeId", nodeId).setParameter("stored", CopyState.STORED).getSingleResult();
    }

    /** The copies the catalog says the node holds. */
    public List<ChunkCopy> storedOn(String nodeId) {
        return em.createNamedQuery(ChunkCopy.ON_NODE, ChunkCopy.class).setParameter("nodeId", nodeId)
                .setParameter("state", CopyState.STORED).getResultList();
    }

    /** The size of a chunk, when it is still in the catalog. */
    public Optional<Long> chunkSize(String fileId, int index) {
        return em.createNamedQuery(FileChunk.FIND, FileChunk.class).setParameter("fileId", fileId)
                .setParameter("index", index).getResultStream().findFirst().map(c -> (long) c.size());
    }

    /** Repair copies still on their way. */
    public List<ChunkCopy> repairsInFlight() {
        return em.createNamedQuery(ChunkCopy.IN_FLIGHT_REPAIRS, ChunkCopy.class)
                .setParameter("repair", CopyPurpose.REPAIR).setParameter("pending", CopyState.PENDING)
                .getResultList();
    }

    /**
     * Drops the stored copy of the chunk on the node from the chunk map (it is missing or damaged there, or
     * one too many); answers whether there was one.
     */
    public boolean drop(String fileId, int index, String nodeId) {
        Optional<ChunkCopy> copy = em.createNamedQuery(ChunkCopy.OF_CHUNK, ChunkCopy.class)
                .setParameter("fileId", fileId).setParameter("index", index).getResultStream()
                .filter(c -> c.nodeId().equals(nodeId) && c.state() == CopyState.STORED).findFirst();
        copy.ifPresent(c -> {
            c.chunk().remove(c);
            em.remove(c);
        });
        return copy.isPresent();
    }
}
