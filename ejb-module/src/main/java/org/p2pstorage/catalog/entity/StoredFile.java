package org.p2pstorage.catalog.entity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
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
@Table(name = "stored_file", indexes = {
        @Index(name = "stored_file_owner_folder_name", columnList = "owner, folderId, name"),
        @Index(name = "stored_file_owner_created", columnList = "owner, createdAt"),
        @Index(name = "stored_file_owner_size", columnList = "owner, size"),
        @Index(name = "stored_file_owner_name", columnList = "owner, name"),
        @Index(name = "stored_file_owner_status", columnList = "owner, status"),
        @Index(name = "stored_file_status", columnList = "status")})
@NamedQueries({
        @NamedQuery(name = StoredFile.ALL, query = "SELECT f FROM StoredFile f ORDER BY f.createdAt DESC, f.id"),
        @NamedQuery(name = StoredFile.OF_OWNER,
                query = "SELECT f FROM StoredFile f WHERE f.owner = :owner ORDER BY f.createdAt DESC, f.id"),
        @NamedQuery(name = StoredFile.OF_OWNER_IN_STATUS,
                query = "SELECT f FROM StoredFile f WHERE f.owner = :owner AND f.status = :status ORDER BY f.createdAt DESC, f.id"),
        @NamedQuery(name = StoredFile.OF_OWNER_WITH_IDS,
                query = "SELECT f FROM StoredFile f WHERE f.owner = :owner AND f.id IN :ids"),
        @NamedQuery(name = StoredFile.NAMES_OF_OWNER,
                query = "SELECT NEW org.p2pstorage.catalog.entity.FileLine(f.id, f.name, f.folderId, f.size, f.createdAt)"
                        + " FROM StoredFile f WHERE f.owner = :owner ORDER BY f.createdAt DESC, f.id"),
        @NamedQuery(name = StoredFile.BYTES_OF_OWNER,
                query = "SELECT COALESCE(SUM(f.size), 0) FROM StoredFile f WHERE f.owner = :owner"),
        @NamedQuery(name = StoredFile.COUNT_IN_FOLDER,
                query = "SELECT COUNT(f) FROM StoredFile f WHERE f.folderId = :folderId"),
        @NamedQuery(name = StoredFile.CHUNKS_SENT, query = "UPDATE StoredFile f SET f.chunkCount = f.chunkCount + :chunks, "
                + "f.copiesSent = COALESCE(f.copiesSent, f.chunkCount) + :copies WHERE f.id = :id AND f.sealed = false"),
        @NamedQuery(name = StoredFile.RUNNING_ELSEWHERE,
                query = "SELECT NEW org.p2pstorage.catalog.entity.RunningUpload(f.id, f.uploadedBy, f.createdAt)"
                        + " FROM StoredFile f WHERE f.status = :transferring AND f.uploadedBy IS NOT NULL"
                        + " AND f.uploadedBy <> :server ORDER BY f.createdAt, f.id"),
        @NamedQuery(name = StoredFile.GIVE_UP, query = "UPDATE StoredFile f SET f.status = :failed, f.failure = :reason,"
                + " f.completedAt = :now WHERE f.id = :id AND f.status = :transferring AND f.uploadedBy = :server"),
        @NamedQuery(name = StoredFile.ADOPT, query = "UPDATE StoredFile f SET f.owner = :owner WHERE f.owner IS NULL"),
        @NamedQuery(name = StoredFile.COUNT_BY_STATUS,
                query = "SELECT f.status, COUNT(f), COALESCE(SUM(f.size), 0) FROM StoredFile f GROUP BY f.status")})
public class StoredFile {

    public static final String ALL = "StoredFile.all";
    public static final String OF_OWNER = "StoredFile.ofOwner";
    public static final String OF_OWNER_IN_STATUS = "StoredFile.ofOwnerInStatus";
    public static final String OF_OWNER_WITH_IDS = "StoredFile.ofOwnerWithIds";
    public static final String NAMES_OF_OWNER = "StoredFile.namesOfOwner";
    public static final String BYTES_OF_OWNER = "StoredFile.bytesOfOwner";
    public static final String ADOPT = "StoredFile.adopt";
    /** The uploads other servers are taking. */
    public static final String RUNNING_ELSEWHERE = "StoredFile.runningElsewhere";
    /**
     * Fails an upload of a server that is gone, only if it is still TRANSFERRING and still that server's: the
     * one conditional UPDATE that lets exactly one of several live servers give it up.
     */
    public static final String GIVE_UP = "StoredFile.giveUp";
    /** More chunks of an unsealed file are on their way (a batch: its chunk and copy counts). */
    public static final String CHUNKS_SENT = "StoredFile.chunksSent";
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

    /** The number of copies each chunk should have (null in catalogs from before replicas: one). */
    private Integer replicas;

    /** Copies sent so far (null in catalogs from before replicas: one per chunk). */
    private Integer copiesSent;

    /** Copies the nodes have acknowledged as stored. */
    private int acknowledged;

    /** Copies the nodes refused. */
    private int rejected;

    /** The owner the file had before the catalog was lost, when it was recovered from the nodes for the admin. */
    @Column(length = 32)
    private String recoveredFrom;

    private boolean sealed;

    /** A plain VARCHAR, not the database's own enum type (H2's misread after a crash). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16, columnDefinition = "varchar(16)")
    private FileStatus status;

    @Column(length = 500)
    private String failure;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant completedAt;

    /** The server taking the upload (its id), so that another server's restart leaves it alone. */
    @Column(length = 64)
    private String uploadedBy;

    protected StoredFile() {
    }

    public StoredFile(String id, String owner, String name, int chunkSize, long expectedSize, int replicas) {
        if (replicas < 1) {
            throw new IllegalArgumentException("a file needs at least one copy of each chunk, not " + replicas);
        }
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.chunkSize = chunkSize;
        this.expectedSize = expectedSize;
        this.replicas = replicas;
        this.copiesSent = 0;
        this.status = FileStatus.TRANSFERRING;
        this.createdAt = Instant.now();
    }

    /**
     * A file rebuilt from the nodes' manifests: already sealed and AVAILABLE, with every copy found on a
     * node counted as acknowledged. {@code recoveredFrom} names the owner it had when that account no
     * longer exists (the file then goes to {@code owner}, the admin, or to nobody until there is one).
     */
    public static StoredFile recovered(String id, String owner, String recoveredFrom, String name, String folderId,
                                       int chunkSize, int replicas, long size, String sha256, int chunks,
                                       int copies, Instant createdAt) {
        StoredFile file = new StoredFile(id, owner, name, chunkSize, size, replicas);
        file.folderId = folderId;
        file.recoveredFrom = recoveredFrom;
        file.chunkCount = chunks;
        file.copiesSent = copies;
        file.acknowledged = copies;
        file.createdAt = createdAt;
        file.seal(size, sha256, chunks);
        return file;
    }

    /** One more chunk is on its way, in {@code copies} copies. */
    public void chunkSent(int copies) {
        if (sealed) {
            throw new IllegalStateException("file " + id + " is sealed: no more chunks");
        }
        if (copies < 1) {
            throw new IllegalArgumentException("a chunk is sent in one copy at least");
        }
        chunkCount++;
        copiesSent = copiesSent() + copies;
    }

    /**
     * A copy on its way found its node stopped and no other node could take it: the chunk keeps its other
     * copies (repair adds the missing one later), and the file no longer waits for this one.
     */
    public void copyWithdrawn() {
        copiesSent = copiesSent() - 1;
        settle();
    }

    /** Notes the server taking the upload. */
    public void uploadedBy(String serverId) {
        this.uploadedBy = serverId;
    }

    /** Whether {@code serverId} took the upload (a file from before several servers counts as anyone's). */
    public boolean uploadedBy(String serverId, boolean orUnknown) {
        return uploadedBy == null ? orUnknown : uploadedBy.equals(serverId);
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

    /** A node answered for one copy. Returns false when the copy is not wanted (the file failed). */
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
        if (status == FileStatus.TRANSFERRING && sealed && acknowledged >= copiesSent()) {
            status = FileStatus.AVAILABLE;
            completedAt = Instant.now();
        }
    }

    /** Every copy sent so far has been answered, stored or not. */
    public boolean settled() {
        return acknowledged + rejected >= copiesSent();
    }

    /** How many copies each chunk should have. */
    public int replicas() {
        return replicas == null ? 1 : replicas;
    }

    public int copiesSent() {
        return copiesSent == null ? chunkCount : copiesSent;
    }

    /** The copies this file will have: exact once sealed, else from the expected chunks. */
    public int expectedCopies() {
        return sealed ? copiesSent() : Math.max(copiesSent(), expectedChunks() * replicas());
    }

    public String recoveredFrom() {
        return recoveredFrom;
    }

    /** Hands a recovered file to its owner (the admin); it stays marked as recovered. */
    public void handTo(String newOwner) {
        this.owner = newOwner;
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
