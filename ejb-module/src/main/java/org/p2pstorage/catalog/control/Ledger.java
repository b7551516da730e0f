package org.p2pstorage.catalog.control;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.catalog.control.Chunker.Chunk;
import org.p2pstorage.catalog.entity.ChunkPlacement;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FileTotals;
import org.p2pstorage.catalog.entity.Folder;
import org.p2pstorage.catalog.entity.PlacementState;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.transfer.control.ChunkProducer;
import org.p2pstorage.transfer.entity.ChunkParcel;
import org.p2pstorage.transfer.entity.ChunkReceipt;

/**
 * The catalog's transactions, each small and on its own: open a file, dispatch one chunk (its rows and
 * its message together), seal, record an acknowledgement, fail, remove. An upload is a sequence of
 * these rather than one transaction, so that a large file never holds thousands of messages and rows
 * in a single commit, and acknowledgements can be recorded while the file is still being read.
 */
@Stateless
public class Ledger {

    /** What the acknowledgement of a chunk means for the node that sent it. */
    public enum Answer {
        /** Recorded; nothing more to do. */
        KEPT,
        /** The chunk was stored but its file is gone or failed: the node must drop it. */
        ORPHAN,
        /** This answer made the file fail: the chunks it already has on nodes must be dropped. */
        FAILED_NOW
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    ChunkProducer producer;

    public StoredFile open(String owner, String name, int chunkSize, long expectedSize) {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        StoredFile file = new StoredFile(HexFormat.of().formatHex(id), owner, name, chunkSize, expectedSize);
        em.persist(file);
        return file;
    }

    /** A chunk, the node chosen for it and when the bridge says it arrives there. */
    public record Placed(Chunk chunk, String nodeId, long arrivalNanos) {
    }

    /**
     * Records a batch of chunks with their placements and puts them on the wire, in one transaction:
     * a chunk is on its way exactly when its rows are committed.
     */
    public void dispatch(String fileId, List<Placed> batch) {
        StoredFile file = locked(fileId).orElseThrow(() -> Failure.notFound("file " + fileId + " was removed"));
        for (Placed placed : batch) {
            Chunk chunk = placed.chunk();
            file.chunkSent();
            FileChunk row = new FileChunk(file, chunk.index(), chunk.size(), chunk.sha256());
            em.persist(row);
            em.persist(new ChunkPlacement(row, fileId, placed.nodeId()));
            producer.send(new ChunkParcel(fileId, chunk.index(), placed.nodeId(), chunk.sha256(), chunk.data()),
                    placed.arrivalNanos());
        }
    }

    public StoredFile seal(String fileId, Chunker.Summary summary) {
        StoredFile file = locked(fileId).orElseThrow(() -> Failure.notFound("file " + fileId + " was removed"));
        file.seal(summary.size(), summary.sha256(), summary.chunks());
        return file;
    }

    public Answer acknowledge(ChunkReceipt receipt) {
        Optional<StoredFile> found = locked(receipt.fileId());
        boolean stored = receipt.outcome().stored();
        if (found.isEmpty()) {
            return stored ? Answer.ORPHAN : Answer.KEPT;
        }
        StoredFile file = found.get();
        List<ChunkPlacement> placements = em.createNamedQuery(ChunkPlacement.FIND, ChunkPlacement.class)
                .setParameter("fileId", receipt.fileId())
                .setParameter("index", receipt.index())
                .getResultList();
        if (placements.isEmpty() || placements.get(0).state() != PlacementState.PENDING) {
            return stored && file.status() == FileStatus.FAILED ? Answer.ORPHAN : Answer.KEPT;
        }
        ChunkPlacement placement = placements.get(0);
        if (receipt.moved()) {
            if (placement.nodeId().equals(receipt.nodeId())) {
                placement.moveTo(receipt.movedTo());
            }
            return Answer.KEPT;
        }
        FileStatus before = file.status();
        placement.answered(receipt.nodeId(), stored);
        file.acknowledge(stored, reason(receipt));
        if (file.status() == FileStatus.FAILED) {
            if (before != FileStatus.FAILED) {
                return Answer.FAILED_NOW;
            }
            return stored ? Answer.ORPHAN : Answer.KEPT;
        }
        return Answer.KEPT;
    }

    private static String reason(ChunkReceipt receipt) {
        String why = switch (receipt.outcome()) {
            case NO_ROOM -> "had no room for it";
            case CORRUPT -> "received it damaged";
            case OFFLINE -> "was stopped";
            case FAILED -> "could not write it";
            case STORED -> "stored it";
        };
        return "chunk " + receipt.index() + " could not be stored: " + receipt.nodeId() + " " + why;
    }

    public FileSummary rename(String fileId, String name) {
        StoredFile file = locked(fileId).orElseThrow(() -> Failure.notFound("no file with id " + fileId));
        file.rename(name);
        return FileSummary.of(file);
    }

    public FileSummary move(String fileId, String folderId) {
        StoredFile file = locked(fileId).orElseThrow(() -> Failure.notFound("no file with id " + fileId));
        file.moveTo(folderId);
        return FileSummary.of(file);
    }

    public Folder createFolder(String owner, String parentId, String name) {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        Folder folder = new Folder(HexFormat.of().formatHex(id), owner, name, parentId);
        em.persist(folder);
        return folder;
    }

    public Optional<Folder> folder(String folderId) {
        return Optional.ofNullable(folderId).map(id -> em.find(Folder.class, id));
    }

    public List<Folder> folders(String owner) {
        return em.createNamedQuery(Folder.OF_OWNER, Folder.class).setParameter("owner", owner).getResultList();
    }

    /** Removes an empty folder; answers false (and keeps it) when files or folders are still in it. */
    public boolean removeFolder(String folderId) {
        long files = em.createNamedQuery(StoredFile.COUNT_IN_FOLDER, Long.class)
                .setParameter("folderId", folderId).getSingleResult();
        long folders = em.createNamedQuery(Folder.COUNT_CHILDREN, Long.class)
                .setParameter("folderId", folderId).getSingleResult();
        if (files + folders > 0) {
            return false;
        }
        folder(folderId).ifPresent(em::remove);
        return true;
    }

    public void fail(String fileId, String reason) {
        locked(fileId).ifPresent(file -> file.fail(reason));
    }

    public Optional<StoredFile> find(String fileId) {
        return Optional.ofNullable(em.find(StoredFile.class, fileId));
    }

    public List<ChunkPlacement> placements(String fileId) {
        return em.createNamedQuery(ChunkPlacement.OF_FILE, ChunkPlacement.class)
                .setParameter("fileId", fileId)
                .getResultList();
    }

    public List<FileSummary> list(String owner) {
        return em.createNamedQuery(StoredFile.OF_OWNER, StoredFile.class).setParameter("owner", owner)
                .getResultStream().map(FileSummary::of).toList();
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

    /** Gives the files that have no owner (uploaded before accounts existed) to this one; returns how many. */
    public int adopt(String owner) {
        return em.createNamedQuery(StoredFile.ADOPT).setParameter("owner", owner).executeUpdate();
    }

    /** Files whose upload was cut off (by a restart) before all their chunks were sent. */
    public List<StoredFile> unsealed() {
        return em.createNamedQuery(StoredFile.ALL, StoredFile.class).getResultStream()
                .filter(f -> f.status() == FileStatus.TRANSFERRING && !f.sealed())
                .toList();
    }

    /** Removes the file and its chunk map from the catalog (the chunks on the nodes are the caller's). */
    public void remove(String fileId) {
        em.createNamedQuery(ChunkPlacement.DELETE_OF_FILE).setParameter("fileId", fileId).executeUpdate();
        em.createNamedQuery(FileChunk.DELETE_OF_FILE).setParameter("fileId", fileId).executeUpdate();
        locked(fileId).ifPresent(em::remove);
    }

    private Optional<StoredFile> locked(String fileId) {
        return Optional.ofNullable(em.find(StoredFile.class, fileId, LockModeType.PESSIMISTIC_WRITE));
    }
}
