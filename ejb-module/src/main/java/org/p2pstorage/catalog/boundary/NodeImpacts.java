package org.p2pstorage.catalog.boundary;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.catalog.entity.CopyState;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.network.boundary.NetworkState;

/**
 * "What would happen if this node died": before an admin stops a node, the portal says how many stored
 * files would become degraded (fewer copies than they should have, still readable) or unavailable (some
 * chunk with no live copy left). Counts only the files the node holds a copy of, and only those whose
 * health would get worse than it is now; two grouped queries per case, never a walk over the chunk map.
 */
@Stateless
public class NodeImpacts {

    /** The stored files the node holds copies of, and how many of them would get worse if it died. */
    public record Impact(String node, long filesHeld, long becomeDegraded, long becomeUnavailable) {
    }

    private static final String HELD = " AND f.id IN (SELECT h.fileId FROM ChunkCopy h WHERE h.nodeId = :node AND h.state = :stored)";

    @PersistenceContext
    EntityManager em;

    @EJB
    NetworkState networkState;

    public Impact ifStopped(String nodeId) {
        Set<String> live = networkState.liveNodes();
        Set<String> without = new HashSet<>(live);
        without.remove(nodeId);
        Map<String, Long> held = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT f.id, f.chunkCount FROM StoredFile f WHERE f.status = :available" + HELD,
                Object[].class).setParameter("available", FileStatus.AVAILABLE).setParameter("node", nodeId)
                .setParameter("stored", CopyState.STORED).getResultList()) {
            held.put((String) row[0], ((Number) row[1]).longValue());
        }
        Set<String> unavailableNow = unavailable(live, held, nodeId);
        Set<String> unavailableThen = unavailable(without, held, nodeId);
        Set<String> degradedNow = degraded(live, nodeId);
        Set<String> degradedThen = degraded(without, nodeId);
        long becomeUnavailable = unavailableThen.stream().filter(f -> !unavailableNow.contains(f)).count();
        long becomeDegraded = degradedThen.stream()
                .filter(f -> !degradedNow.contains(f) && !unavailableNow.contains(f) && !unavailableThen.contains(f)).count();
        return new Impact(nodeId, held.size(), becomeDegraded, becomeUnavailable);
    }

    private Set<String> unavailable(Set<String> live, Map<String, Long> held, String nodeId) {
        Map<String, Long> readable = new HashMap<>();
        if (!live.isEmpty()) {
            for (Object[] row : em.createQuery("SELECT c.fileId, COUNT(DISTINCT c.chunkIndex) FROM ChunkCopy c, StoredFile f"
                    + " WHERE f.id = c.fileId AND f.status = :available AND c.state = :stored AND c.nodeId IN :live" + HELD
                    + " GROUP BY c.fileId", Object[].class).setParameter("available", FileStatus.AVAILABLE)
                    .setParameter("stored", CopyState.STORED).setParameter("live", live).setParameter("node", nodeId)
                    .getResultList()) {
                readable.put((String) row[0], ((Number) row[1]).longValue());
            }
        }
        Set<String> unavailable = new HashSet<>();
        held.forEach((file, chunks) -> {
            if (readable.getOrDefault(file, 0L) < chunks) {
                unavailable.add(file);
            }
        });
        return unavailable;
    }

    private Set<String> degraded(Set<String> live, String nodeId) {
        if (live.isEmpty()) {
            return Set.of();
        }
        List<String> weak = em.createQuery("SELECT DISTINCT c.fileId FROM ChunkCopy c, StoredFile f WHERE f.id = c.fileId"
                + " AND f.status = :available AND c.state = :stored AND c.nodeId IN :live" + HELD
                + " GROUP BY c.fileId, c.chunkIndex, f.replicas HAVING COUNT(c) < COALESCE(f.replicas, 1)", String.class)
                .setParameter("available", FileStatus.AVAILABLE).setParameter("stored", CopyState.STORED)
                .setParameter("live", live).setParameter("node", nodeId).getResultList();
        return new HashSet<>(weak);
    }
}
