package org.p2pstorage.catalog.control;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.catalog.entity.FileHealth;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FileTotals;
import org.p2pstorage.catalog.entity.RunningUpload;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.failure.entity.Failure;

/**
 * The catalog's rows: files, their chunks and the chunks' copies. Each method is one small transaction
 * (an upload is a sequence of them, so a large file never holds thousands of rows in a single commit).
 * It keeps rows only; what goes on the wire is {@link ChunkDispatch}'s job.
 */
@Stateless
public class CatalogRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** How many files' health one query reads. */
    private static final int HEALTH_BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    FilePages pages;

    public StoredFile open(String owner, String name, int chunkSize, long expectedSize, int replicas, String server) {
        StoredFile file = new StoredFile(newId(), owner, name, chunkSize, expectedSize, replicas);
        file.uploadedBy(server);
        em.persist(file);
        return file;
    }

    static String newId() {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    public StoredFile seal(String fileId, Chunker.Summary summary) {
        StoredFile file = locked(fileId).orElseThrow(() -> Failure.notFound("file " + fileId + " was removed"));
        file.seal(summary.size(), summary.sha256(), summary.chunks());
        return file;
    }

    public FileSummary rename(String fileId, String name) {
        StoredFile file = locked(fileId).orElseThrow(() -> Failure.notFound("no file with id " + fileId));
        file.rename(name);
        return FileSummary.of(file, null);
    }

    public FileSummary move(String fileId, String folderId) {
        StoredFile file = locked(fileId).orElseThrow(() -> Failure.notFound("no file with id " + fileId));
        file.moveTo(folderId);
        return FileSummary.of(file, null);
    }

    public void fail(String fileId, String reason) {
        locked(fileId).ifPresent(file -> file.fail(reason));
    }

    /** The caller's file; another user's id answers exactly as an unknown one (404). */
    public StoredFile owned(String owner, String fileId) {
        return Optional.ofNullable(fileId).flatMap(this::find).filter(file -> file.ownedBy(owner))
                .orElseThrow(() -> Failure.notFound("no file with id " + fileId));
    }

    public Optional<StoredFile> find(String fileId) {
        return Optional.ofNullable(em.find(StoredFile.class, fileId));
    }

    /** Every copy of every chunk of the file, in chunk order. */
    public List<ChunkCopy> copies(String fileId) {
        return em.createNamedQuery(ChunkCopy.OF_FILE, ChunkCopy.class).setParameter("fileId", fileId).getResultList();
    }

    /** The file's chunks with their copies, in order. */
    public List<FileChunk> chunks(String fileId) {
        return em.createQuery("SELECT DISTINCT ch FROM FileChunk ch LEFT JOIN FETCH ch.copies WHERE ch.fileId = :fileId"
                        + " ORDER BY ch.index", FileChunk.class)
                .setParameter("fileId", fileId).getResultList();
    }

    public Optional<FileChunk> chunk(String fileId, int index) {
        return em.createNamedQuery(FileChunk.FIND, FileChunk.class).setParameter("fileId", fileId)
                .setParameter("index", index).getResultStream().findFirst();
    }

    /**
     * The caller's files, newest first, each with its health on the network as it is now (the whole drive,
     * for gRPC's and SSH's lists; the REST API and the portal read pages, {@link FilePages}).
     */
    public List<FileSummary> list(String owner, Set<String> live) {
        List<StoredFile> files = em.createNamedQuery(StoredFile.OF_OWNER, StoredFile.class)
                .setParameter("owner", owner).getResultList();
        Map<String, FileHealth> health = new HashMap<>();
        for (int from = 0; from < files.size(); from += HEALTH_BATCH) {
            health.putAll(pages.health(files.subList(from, Math.min(files.size(), from + HEALTH_BATCH)), live));
        }
        return files.stream().map(f -> FileSummary.of(f, health.get(f.id()))).toList();
    }

    public FileTotals totals() {
        long available = 0;
        long transferring = 0;
        long failed = 0;
        long bytes = 0;
        for (Object[] row : em.createNamedQuery(StoredFile.COUNT_BY_STATUS, Object[].class).getResultList()) {
            long count = ((Number) row[1]).longValue();
            switch ((FileStatus) row[0]) {
                case AVAILABLE -> available = count;
                case TRANSFERRING -> transferring = count;
                case FAILED -> failed = count;
            }
            bytes += ((Number) row[2]).longValue();
        }
        return new FileTotals(available + transferring + failed, available, transferring, failed, bytes);
    }

    /** How many files the catalog holds, whatever their state. */
    public long fileCount() {
        return em.createQuery("SELECT COUNT(f) FROM StoredFile f", Long.class).getSingleResult();
    }

    /** Gives the files that have no owner (uploaded before accounts existed, or recovered) to this one. */
    public int adopt(String owner) {
        return em.createNamedQuery(StoredFile.ADOPT).setParameter("owner", owner).executeUpdate();
    }

    /** Files whose upload by {@code server} was cut off (by its restart) before all their chunks were sent. */
    public List<StoredFile> unsealed(String server) {
        return em.createNamedQuery(StoredFile.ALL, StoredFile.class).getResultStream()
                .filter(f -> f.status() == FileStatus.TRANSFERRING && !f.sealed() && f.uploadedBy(server, true))
                .toList();
    }

    /** The uploads that servers other than {@code server} are taking (TRANSFERRING), the oldest first. */
    public List<RunningUpload> runningElsewhere(String server) {
        return em.createNamedQuery(StoredFile.RUNNING_ELSEWHERE, RunningUpload.class)
                .setParameter("transferring", FileStatus.TRANSFERRING).setParameter("server", server).getResultList();
    }

    /**
     * Marks FAILED, with {@code reason}, the upload {@code server} was taking, if it is still TRANSFERRING and
     * still that server's. True for the one caller whose UPDATE changed the row: of several servers giving up
     * the same upload at once (or its server finishing it meanwhile), the database lets exactly one change it.
     */
    public boolean giveUp(String fileId, String server, String reason, Instant now) {
        return em.createNamedQuery(StoredFile.GIVE_UP).setParameter("failed", FileStatus.FAILED)
                .setParameter("reason", reason).setParameter("now", now).setParameter("id", fileId)
                .setParameter("transferring", FileStatus.TRANSFERRING).setParameter("server", server)
                .executeUpdate() == 1;
    }

    /** Removes the file and its chunk map from the catalog (the chunks on the nodes are the caller's). */
    public void remove(String fileId) {
        em.createNamedQuery(ChunkCopy.DELETE_OF_FILE).setParameter("fileId", fileId).executeUpdate();
        em.createNamedQuery(FileChunk.DELETE_OF_FILE).setParameter("fileId", fileId).executeUpdate();
        locked(fileId).ifPresent(em::remove);
    }

    Optional<StoredFile> locked(String fileId) {
        return Optional.ofNullable(em.find(StoredFile.class, fileId, LockModeType.PESSIMISTIC_WRITE));
    }
}
