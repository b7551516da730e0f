package org.p2pstorage.catalog.entity;

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
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** One chunk of a file: its position, size and SHA-256. Where it lives is its {@link ChunkPlacement}s. */
@Entity
@Table(name = "file_chunk",
        uniqueConstraints = @UniqueConstraint(columnNames = {"file_id", "chunk_index"}),
        indexes = @Index(columnList = "file_id"))
@NamedQueries({
        @NamedQuery(name = FileChunk.DELETE_OF_FILE, query = "DELETE FROM FileChunk c WHERE c.file.id = :fileId")})
public class FileChunk {

    public static final String DELETE_OF_FILE = "FileChunk.deleteOfFile";

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "file_id")
    private StoredFile file;

    @Column(name = "chunk_index", nullable = false)
    private int index;

    private int size;

    @Column(length = 64, nullable = false)
    private String sha256;

    protected FileChunk() {
    }

    public FileChunk(StoredFile file, int index, int size, String sha256) {
        this.file = file;
        this.index = index;
        this.size = size;
        this.sha256 = sha256;
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
