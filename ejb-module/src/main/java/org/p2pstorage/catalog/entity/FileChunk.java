package org.p2pstorage.catalog.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.p2pstorage.storage.entity.ChunkKey;

/**
 * One chunk of a file: its position, size and SHA-256, and its copies on the nodes. The chunk knows
 * whether it is at full strength: how many good copies it has on live nodes against its file's
 * replication factor.
 */
@Entity
@Table(name = "file_chunk",
        uniqueConstraints = @UniqueConstraint(columnNames = {"file_id", "chunk_index"}),
        indexes = @Index(columnList = "file_id"))
@NamedQueries({
        @NamedQuery(name = FileChunk.FIND,
                query = "SELECT ch FROM FileChunk ch WHERE ch.fileId = :fileId AND ch.index = :index"),
        @NamedQuery(name = FileChunk.UNDER_STRENGTH,
                query = "SELECT ch FROM FileChunk ch JOIN ch.file f WHERE f.status = :available AND"
                        + " (SELECT COUNT(c) FROM ChunkCopy c WHERE c.chunk = ch AND c.state <> :rejected"
                        + " AND c.nodeId IN :counted) < COALESCE(f.replicas, 1) ORDER BY ch.id"),
        @NamedQuery(name = FileChunk.OVER_STRENGTH,
                query = "SELECT ch FROM FileChunk ch JOIN ch.file f WHERE f.status = :available AND"
                        + " (SELECT COUNT(c) FROM ChunkCopy c WHERE c.chunk = ch AND c.state = :stored"
                        + " AND c.nodeId IN :live) > COALESCE(f.replicas, 1) ORDER BY ch.id"),
        @NamedQuery(name = FileChunk.AT_RISK,
                query = "SELECT ch.size, COALESCE(f.replicas, 1), (SELECT COUNT(c) FROM ChunkCopy c WHERE c.chunk = ch"
                        + " AND c.state = :stored AND c.nodeId IN :live) FROM FileChunk ch JOIN ch.file f"
                        + " WHERE f.status = :available AND (SELECT COUNT(c2) FROM ChunkCopy c2 WHERE c2.chunk = ch"
                        + " AND c2.state = :stored AND c2.nodeId IN :live) < COALESCE(f.replicas, 1)"),
        @NamedQuery(name = FileChunk.DELETE_OF_FILE, query = "DELETE FROM FileChunk c WHERE c.file.id = :fileId")})
public class FileChunk {

    public static final String FIND = "FileChunk.find";
    public static final String UNDER_STRENGTH = "FileChunk.underStrength";
    public static final String OVER_STRENGTH = "FileChunk.overStrength";
    public static final String AT_RISK = "FileChunk.atRisk";
    public static final String DELETE_OF_FILE = "FileChunk.deleteOfFile";

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "file_id")
    private StoredFile file;

    /** The file's id, read from the same column, so that a chunk names its file without loading it. */
    @Column(name = "file_id", insertable = false, updatable = false)
    private String fileId;

    @Column(name = "chunk_index", nullable = false)
    private int index;

    private int size;

    @Column(length = 64, nullable = false)
    private String sha256;

    @OneToMany(mappedBy = "chunk")
    @OrderBy("id")
    private List<ChunkCopy> copies = new ArrayList<>();

    protected FileChunk() {
    }

    public FileChunk(StoredFile file, int index, int size, String sha256) {
        this.file = file;
        this.fileId = file.id();
        this.index = index;
        this.size = size;
        this.sha256 = sha256;
    }

    /** Adds a copy to this chunk (the caller persists it). */
    public ChunkCopy add(ChunkCopy copy) {
        copies.add(copy);
        return copy;
    }

    public void remove(ChunkCopy copy) {
        copies.remove(copy);
    }

    /** The copies a reader can fetch now, in the order they were made. */
    public List<ChunkCopy> readable(Predicate<String> alive) {
        return copies.stream().filter(c -> c.readable(alive)).toList();
    }

    public FileHealth health(Predicate<String> alive, int replicas) {
        return FileHealth.of(readable(alive).size(), replicas);
    }

    /** Whether some copy of this chunk is (or is about to be) on the node. */
    public boolean hasCopyOn(String nodeId) {
        return copies.stream().anyMatch(c -> c.state() != CopyState.REJECTED && c.nodeId().equals(nodeId));
    }

    /** The name the nodes keep this chunk under. */
    public ChunkKey key() {
        return new ChunkKey(fileId, index);
    }

    public List<ChunkCopy> copies() {
        return List.copyOf(copies);
    }

    public Long id() {
        return id;
    }

    public StoredFile file() {
        return file;
    }

    public String fileId() {
        return fileId;
    }

    public int index() {
        return index;
    }

    public int size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }
}
