package org.p2pstorage.catalog.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.catalog.entity.ChunkCensus;
import org.p2pstorage.catalog.entity.ChunkView;
import org.p2pstorage.catalog.entity.CopyState;
import org.p2pstorage.catalog.entity.FileHealth;

/**
 * A file's chunk map read as plain rows, whole or a window of it: one query for the chunks and one for
 * their copies, never a query per chunk and never thousands of managed entities (a 1 GiB file has 16,384
 * chunks and twice as many copies). What the file details and the portal's chunk table show.
 */
@Stateless
public class ChunkMaps {

    @PersistenceContext
    EntityManager em;

    /** The chunks {@code from} to {@code from + count - 1} of the file (by index), with their copies and health. */
    public List<ChunkView> window(String fileId, int from, int count, Predicate<String> alive, int replicas) {
        List<Object[]> chunks = em.createQuery("SELECT ch.index, ch.size, ch.sha256 FROM FileChunk ch"
                        + " WHERE ch.fileId = :fileId ORDER BY ch.index", Object[].class)
                .setParameter("fileId", fileId).setFirstResult(from).setMaxResults(count).getResultList();
        if (chunks.isEmpty()) {
            return List.of();
        }
        int first = (Integer) chunks.get(0)[0];
        int last = (Integer) chunks.get(chunks.size() - 1)[0];
        Map<Integer, List<ChunkView.CopyView>> copies = new HashMap<>();
        Map<Integer, Integer> readable = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT c.chunkIndex, c.nodeId, c.state FROM ChunkCopy c WHERE c.fileId = :fileId"
                        + " AND c.chunkIndex BETWEEN :first AND :last ORDER BY c.chunkIndex, c.id", Object[].class)
                .setParameter("fileId", fileId).setParameter("first", first).setParameter("last", last).getResultList()) {
            int index = (Integer) row[0];
            String node = (String) row[1];
            CopyState state = (CopyState) row[2];
            boolean stored = state == CopyState.STORED;
            copies.computeIfAbsent(index, i -> new ArrayList<>())
                    .add(new ChunkView.CopyView(node, stored && !alive.test(node) ? "OFFLINE" : state.name()));
            if (stored && alive.test(node)) {
                readable.merge(index, 1, Integer::sum);
            }
        }
        List<ChunkView> map = new ArrayList<>(chunks.size());
        for (Object[] chunk : chunks) {
            int index = (Integer) chunk[0];
            map.add(new ChunkView(index, (Integer) chunk[1], (String) chunk[2],
                    FileHealth.of(readable.getOrDefault(index, 0), replicas).label(),
                    List.copyOf(copies.getOrDefault(index, List.of()))));
        }
        return map;
    }

    /**
     * The file's chunks counted by health (from the good live copies of each, grouped in the database) and
     * its copies counted by node.
     */
    public ChunkCensus census(String fileId, int chunks, Set<String> live, int replicas) {
        int healthy = 0;
        int degraded = 0;
        if (!live.isEmpty()) {
            // the live nodes inside CASE, so that the file's index is used, not the nodeId one (see ChunkCopy)
            for (Long good : em.createQuery("SELECT SUM(CASE WHEN c.nodeId IN :live THEN 1 ELSE 0 END) FROM ChunkCopy c"
                            + " WHERE c.fileId = :fileId AND c.state = :stored GROUP BY c.chunkIndex", Long.class)
                    .setParameter("fileId", fileId).setParameter("stored", CopyState.STORED).setParameter("live", live)
                    .getResultList()) {
                FileHealth health = FileHealth.of(good, replicas);
                healthy += health == FileHealth.HEALTHY ? 1 : 0;
                degraded += health == FileHealth.DEGRADED ? 1 : 0;
            }
        }
        Map<String, Integer> byNode = new HashMap<>();
        Map<String, Integer> inFlight = new HashMap<>();
        int pending = 0;
        for (Object[] row : em.createQuery("SELECT c.nodeId, c.state, COUNT(c) FROM ChunkCopy c WHERE c.fileId = :fileId"
                        + " GROUP BY c.nodeId, c.state", Object[].class).setParameter("fileId", fileId).getResultList()) {
            int count = ((Number) row[2]).intValue();
            byNode.merge((String) row[0], count, Integer::sum);
            if (row[1] == CopyState.PENDING) {
                inFlight.merge((String) row[0], count, Integer::sum);
                pending += count;
            }
        }
        return new ChunkCensus(healthy, degraded, Math.max(0, chunks - healthy - degraded), pending, byNode, inFlight);
    }

    /** How many chunks of the file have every copy answered (at least one copy, none still on its way). */
    public int settledChunks(String fileId) {
        long withCopies = em.createQuery("SELECT COUNT(DISTINCT c.chunkIndex) FROM ChunkCopy c WHERE c.fileId = :fileId", Long.class)
                .setParameter("fileId", fileId).getSingleResult();
        long pending = em.createQuery("SELECT COUNT(DISTINCT c.chunkIndex) FROM ChunkCopy c WHERE c.fileId = :fileId"
                        + " AND c.state = :pending", Long.class)
                .setParameter("fileId", fileId).setParameter("pending", CopyState.PENDING).getSingleResult();
        return (int) (withCopies - pending);
    }
}
