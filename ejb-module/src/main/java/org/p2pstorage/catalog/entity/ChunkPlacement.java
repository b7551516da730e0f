package org.p2pstorage.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The chunk map: which node holds (or is about to hold) a chunk. A chunk has one placement today;
 * replicas will add more.
 */
@Entity
@Table(name = "chunk_placement",
        indexes = {@Index(columnList = "chunk_id"), @Index(columnList = "file_id, chunk_index")})
@NamedQueries({
        @NamedQuery(name = ChunkPlacement.OF_FILE,
                query = "SELECT p FROM ChunkPlacement p JOIN FETCH p.chunk WHERE p.fileId = :fileId ORDER BY p.chunk.index, p.id"),
        @NamedQuery(name = ChunkPlacement.FIND,
                query = "SELECT p FROM ChunkPlacement p WHERE p.fileId = :fileId AND p.chunkIndex = :index"),
        @NamedQuery(name = ChunkPlacement.DELETE_OF_FILE, query = "DELETE FROM ChunkPlacement p WHERE p.fileId = :fileId")})
public class ChunkPlacement {

    public static final String OF_FILE = "ChunkPlacement.ofFile";
    public static final String FIND = "ChunkPlacement.find";
    public static final String DELETE_OF_FILE = "ChunkPlacement.deleteOfFile";

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "chunk_id")
    private FileChunk chunk;

    /** The file's id, kept here too so that the map of a file is read and removed without joins. */
    @Column(name = "file_id", length = 32, nullable = false)
    private String fileId;

    /** The chunk's index, kept here too so that an acknowledgement finds its placement by index. */
    @Column(name = "chunk_index", nullable = false)
    private int chunkIndex;

    @Column(length = 16, nullable = false)
    private String nodeId;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private PlacementState state;

    protected ChunkPlacement() {
    }

    public ChunkPlacement(FileChunk chunk, String fileId, String nodeId) {
        this.chunk = chunk;
        this.fileId = fileId;
        this.chunkIndex = chunk.index();
        this.nodeId = nodeId;
        this.state = PlacementState.PENDING;
    }

    /** The chunk's node was stopped while it was on its way; it was sent on to {@code otherNode}. */
    public void moveTo(String otherNode) {
        if (state != PlacementState.PENDING) {
            throw new IllegalStateException("only a chunk on its way can move");
        }
        this.nodeId = otherNode;
    }

    /**
     * A node answered for the chunk. It may be another node than the one recorded: a chunk sent on from a
     * stopped node can be acknowledged by its new node before the stopped node's word that it moved.
     */
    public void answered(String node, boolean stored) {
        this.nodeId = node;
        state = stored ? PlacementState.STORED : PlacementState.REJECTED;
    }

    public FileChunk chunk() {
        return chunk;
    }

    public String nodeId() {
        return nodeId;
    }

    public PlacementState state() {
        return state;
    }
}
