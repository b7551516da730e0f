package org.p2pstorage.catalog.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A file in the catalog: its name, size and SHA-256, and how far its chunks have got.
 * <p>
 * Every file belongs to one account, its owner. The file guards its own life: it is AVAILABLE only once it is sealed (every chunk was sent and the
 * whole file's size and checksum are known) and every chunk is acknowledged as stored; one refused
 * chunk makes it FAILED, and a FAILED file never becomes available again. Callers change it under a
 * pessimistic lock, so that the last acknowledgement and the seal cannot miss each other.
 */
@Entity
@Table(name = "stored_file")
@NamedQueries({
        @NamedQuery(name = StoredFile.ALL, query = "SELECT f FROM StoredFile f ORDER BY f.createdAt DESC, f.id"),
        @NamedQuery(name = StoredFile.OF_OWNER,
                query = "SELECT f FROM StoredFile f WHERE f.owner = :owner ORDER BY f.createdAt DESC, f.id"),
        @NamedQuery(name = StoredFile.COUNT_IN_FOLDER,
                query = "SELECT COUNT(f) FROM StoredFile f WHERE f.folderId = :folderId"),
        @NamedQuery(name = StoredFile.ADOPT, query = "UPDATE StoredFile f SET f.owner = :owner WHERE f.owner IS NULL"),
        @NamedQuery(name = StoredFile.COUNT_BY_STATUS,
                query = "SELECT f.status, COUNT(f), COALESCE(SUM(f.size), 0) FROM StoredFile f GROUP BY f.status")})
public class StoredFile {

    public static final String ALL = "StoredFile.all";
    public static final String OF_OWNER = "StoredFile.ofOwner";
    public static final String ADOPT = "StoredFile.adopt";
    public static final String COUNT_IN_FOLDER = "StoredFile.countInFolder";
    public static final String COUNT_BY_STATUS = "StoredFile.countByStatus";
    public static final int MAX_NAME_LENGTH = 255;

    @Id
    @Column(length = 32)
    private String id;

    @Column(nullable = false, length = MAX_NAME_LENGTH)
    private String name;

    /** The username of the account the file belongs to; only its owner sees it. */
    @Column(length = 32)
    private String owner;

    /** The folder the file lies in; null at the top of the owner's drive. */
    @Column(length = 32)
    private String folderId;

    private long size;

    /** The size announced before the upload (-1 when the stream's length was unknown). */
    private long expectedSize = -1;

    @Column(length = 64)
    private String sha256;

    private int chunkSize;

    /** Chunks sent so far; the final count once sealed. */
    private int chunkCount;

    private int acknowledged;

    private int rejected;

    private boolean sealed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private FileStatus status;

    @Column(length = 500)
    private String failure;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant completedAt;

    protected StoredFile() {
    }

    public StoredFile(String id, String owner, String name, int chunkSize, long expectedSize) {
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.chunkSize = chunkSize;
        this.expectedSize = expectedSize;
        this.status = FileStatus.TRANSFERRING;
        this.createdAt = Instant.now();
    }

    /** One more chunk is on its way. */
    public void chunkSent() {
        if (sealed) {
            throw new IllegalStateException("file " + id + " is sealed: no more chunks");
        }
        chunkCount++;
    }

    /** Every chunk has been sent: the file's size and checksum are now known. */
    public void seal(long size, String sha256, int chunks) {
        if (chunks != chunkCount) {
            throw new IllegalStateException("file " + id + " sent " + chunkCount + " chunks, not " + chunks);
        }
        this.size = size;
        this.sha256 = sha256;
        this.sealed = true;
        settle();
    }

    /** A node answered for one chunk. Returns false when the chunk is not wanted (the file failed). */
    public boolean acknowledge(boolean stored, String reason) {
        if (stored) {
            acknowledged++;
        } else {
            rejected++;
            fail(reason);
        }
        settle();
        return status != FileStatus.FAILED;
    }

    public void fail(String reason) {
        if (status != FileStatus.FAILED) {
            status = FileStatus.FAILED;
            failure = reason;
            completedAt = Instant.now();
        }
    }

    private void settle() {
        if (status == FileStatus.TRANSFERRING && sealed && acknowledged == chunkCount) {
            status = FileStatus.AVAILABLE;
            completedAt = Instant.now();
        }
    }

    /** Every chunk sent so far has been answered, stored or not. */
    public boolean settled() {
        return acknowledged + rejected >= chunkCount;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }

    public boolean ownedBy(String username) {
        return owner != null && owner.equals(username);
    }

    public void rename(String name) {
        this.name = name;
    }

    public String folderId() {
        return folderId;
    }

    /** Puts the file in a folder (null: the top of the drive). */
    public void moveTo(String folderId) {
        this.folderId = folderId;
    }

    public long size() {
        return size;
    }

    /** The chunks this file will have: exact once sealed, else from the announced size, else so far. */
    public int expectedChunks() {
        if (sealed || expectedSize < 0) {
            return chunkCount;
        }
        return (int) ((expectedSize + chunkSize - 1) / chunkSize);
    }

    /** The bytes this file will have: exact once sealed, else as announced (or -1). */
    public long expectedSize() {
        return sealed ? size : expectedSize;
    }

    public String sha256() {
        return sha256;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public int chunkCount() {
        return chunkCount;
    }

    public int acknowledged() {
        return acknowledged;
    }

    public int rejected() {
        return rejected;
    }

    public boolean sealed() {
        return sealed;
    }

    public FileStatus status() {
        return status;
    }

    public String failure() {
        return failure;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
