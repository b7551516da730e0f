package org.p2pstorage.catalog.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.CopyState;
import org.p2pstorage.catalog.entity.FileHealth;
import org.p2pstorage.catalog.entity.FileLine;
import org.p2pstorage.catalog.entity.FileListing;
import org.p2pstorage.catalog.entity.FilePage;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.StoredFile;

/**
 * A drive's file list one page at a time, with each file's health. A drive may hold tens of thousands of
 * files and a million chunk copies, so the database sorts and cuts the page (on the indexes of
 * {@link StoredFile}), and the health comes from two grouped queries over the copies of the page's
 * files only, never over the whole drive or by walking a chunk map.
 */
@Stateless
public class FilePages {

    @PersistenceContext
    EntityManager em;

    /** One page of the owner's files as the listing asks, with the total of the whole listing. */
    public FilePage page(String owner, FileListing listing, Set<String> live) {
        String where = " FROM StoredFile f WHERE f.owner = :owner"
                + (!listing.inFolder() ? "" : listing.folderId() == null ? " AND f.folderId IS NULL" : " AND f.folderId = :folder");
        String direction = listing.descending() ? " DESC" : " ASC";
        TypedQuery<StoredFile> rows = em.createQuery("SELECT f" + where + " ORDER BY f." + listing.sort().attribute()
                + direction + ", f.id" + direction, StoredFile.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(f)" + where, Long.class);
        for (TypedQuery<?> query : List.of(rows, count)) {
            query.setParameter("owner", owner);
            if (listing.inFolder() && listing.folderId() != null) {
                query.setParameter("folder", listing.folderId());
            }
        }
        List<StoredFile> files = rows.setFirstResult(listing.offset()).setMaxResults(listing.limit()).getResultList();
        long total = files.isEmpty() && listing.offset() == 0 ? 0
                : files.size() < listing.limit() && !files.isEmpty() ? listing.offset() + files.size()
                : count.getSingleResult();
        Map<String, FileHealth> health = health(files, live);
        return new FilePage(files.stream().map(f -> FileSummary.of(f, health.get(f.id()))).toList(), total,
                listing.offset(), listing.limit());
    }

    /** The files of the owner whose upload still runs (few at a time), newest first. */
    public List<FileSummary> transferring(String owner) {
        return em.createNamedQuery(StoredFile.OF_OWNER_IN_STATUS, StoredFile.class).setParameter("owner", owner)
                .setParameter("status", FileStatus.TRANSFERRING).getResultList().stream()
                .map(f -> FileSummary.of(f, null)).toList();
    }

    /** The bytes of the owner's files. */
    public long bytes(String owner) {
        return em.createNamedQuery(StoredFile.BYTES_OF_OWNER, Long.class).setParameter("owner", owner).getSingleResult();
    }

    /** The ids, names and folders of all the owner's files: what a search by name looks through. */
    public List<FileLine> lines(String owner) {
        return em.createNamedQuery(StoredFile.NAMES_OF_OWNER, FileLine.class).setParameter("owner", owner).getResultList();
    }

    /** These files of the owner, with their health, in the order of the ids. */
    public List<FileSummary> summaries(String owner, List<String> ids, Set<String> live) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, StoredFile> byId = new HashMap<>();
        em.createNamedQuery(StoredFile.OF_OWNER_WITH_IDS, StoredFile.class).setParameter("owner", owner)
                .setParameter("ids", ids).getResultList().forEach(f -> byId.put(f.id(), f));
        Map<String, FileHealth> health = health(byId.values(), live);
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull)
                .map(f -> FileSummary.of(f, health.get(f.id()))).toList();
    }

    /**
     * The health of these files: the chunks that have a good live copy (fewer than the file's chunks:
     * unavailable), and the chunks that have fewer good live copies than the file's replicas (some:
     * degraded). Only AVAILABLE files have a health.
     */
    public Map<String, FileHealth> health(Collection<StoredFile> files, Set<String> live) {
        Map<String, FileHealth> health = new HashMap<>();
        List<StoredFile> available = files.stream().filter(f -> f.status() == FileStatus.AVAILABLE).toList();
        if (available.isEmpty()) {
            return health;
        }
        if (live.isEmpty()) {
            available.forEach(f -> health.put(f.id(), f.chunkCount() == 0 ? FileHealth.HEALTHY : FileHealth.UNAVAILABLE));
            return health;
        }
        List<String> ids = available.stream().map(StoredFile::id).toList();
        Map<String, Long> readable = new HashMap<>();
        for (Object[] row : em.createNamedQuery(ChunkCopy.READABLE_CHUNKS_OF_FILES, Object[].class)
                .setParameter("ids", ids).setParameter("stored", CopyState.STORED).setParameter("live", live)
                .getResultList()) {
            readable.put((String) row[0], ((Number) row[1]).longValue());
        }
        for (StoredFile file : available) {
            long good = readable.getOrDefault(file.id(), 0L);
            health.put(file.id(), good >= file.chunkCount() ? FileHealth.HEALTHY : FileHealth.UNAVAILABLE);
        }
        Map<Integer, List<String>> byReplicas = new HashMap<>();
        available.forEach(f -> byReplicas.computeIfAbsent(f.replicas(), r -> new ArrayList<>()).add(f.id()));
        for (Map.Entry<Integer, List<String>> same : byReplicas.entrySet()) {
            if (same.getKey() < 2) {
                continue; // one copy: a chunk is healthy or unavailable, never degraded
            }
            for (String weak : em.createNamedQuery(ChunkCopy.WEAK_FILES, String.class).setParameter("ids", same.getValue())
                    .setParameter("stored", CopyState.STORED).setParameter("live", live)
                    .setParameter("belowReplicas", (long) same.getKey() - 1).getResultList()) {
                health.merge(weak, FileHealth.DEGRADED, FileHealth::and);
            }
        }
        return health;
    }
}
