package org.p2pstorage.catalog.entity;

import java.time.Instant;
import java.util.function.Predicate;

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
 * One copy of a chunk on one node: the chunk map's cell. A chunk has as many copies as its file's
 * replication factor, on distinct nodes; a copy is PENDING while its message crosses the network, then
 * STORED or REJECTED by the node's answer. Repair adds copies (purpose REPAIR) and drops the bad ones.
 * The table keeps its first name, {@code chunk_placement}, so that existing catalogs read on.
 */
@Entity
@Table(name = "chunk_placement",
        indexes = {@Index(columnList = "chunk_id"), @Index(columnList = "file_id, chunk_index"),
                @Index(columnList = "nodeId")})
@NamedQueries({
        @NamedQuery(name = ChunkCopy.OF_FILE,
                query = "SELECT c FROM ChunkCopy c JOIN FETCH c.chunk WHERE c.fileId = :fileId ORDER BY c.chunkIndex, c.id"),
        @NamedQuery(name = ChunkCopy.OF_CHUNK,
                query = "SELECT c FROM ChunkCopy c WHERE c.fileId = :fileId AND c.chunkIndex = :index ORDER BY c.id"),
        @NamedQuery(name = ChunkCopy.ON_NODE,
                query = "SELECT c FROM ChunkCopy c JOIN FETCH c.chunk WHERE c.nodeId = :nodeId AND c.state = :state"),
        @NamedQuery(name = ChunkCopy.IN_FLIGHT_REPAIRS,
                query = "SELECT c FROM ChunkCopy c JOIN FETCH c.chunk WHERE c.purpose = :repair AND c.state = :pending"),
        // The live nodes are tested inside CASE, not in WHERE: a condition on nodeId there makes the database
        // read the copies through the nodeId index (every copy on those nodes, millions) instead of the file's.
        @NamedQuery(name = ChunkCopy.READABLE_CHUNKS_OF_FILES,
                query = "SELECT c.fileId, COUNT(DISTINCT CASE WHEN c.nodeId IN :live THEN c.chunkIndex END) FROM ChunkCopy c"
                        + " WHERE c.fileId IN :ids AND c.state = :stored GROUP BY c.fileId"),
        @NamedQuery(name = ChunkCopy.WEAK_FILES,
                query = "SELECT DISTINCT c.fileId FROM ChunkCopy c WHERE c.fileId IN :ids AND c.state = :stored"
                        + " GROUP BY c.fileId, c.chunkIndex"
                        + " HAVING SUM(CASE WHEN c.nodeId IN :live THEN 1 ELSE 0 END) BETWEEN 1 AND :belowReplicas"),
        @NamedQuery(name = ChunkCopy.DELETE_OF_FILE, query = "DELETE FROM ChunkCopy c WHERE c.fileId = :fileId")})
public class ChunkCopy {

    public static final String OF_FILE = "ChunkCopy.ofFile";
    public static final String OF_CHUNK = "ChunkCopy.ofChunk";
    public static final String ON_NODE = "ChunkCopy.onNode";
    public static final String IN_FLIGHT_REPAIRS = "ChunkCopy.inFlightRepairs";
    public static final String READABLE_CHUNKS_OF_FILES = "ChunkCopy.readableChunksOfFiles";
    public static final String WEAK_FILES = "ChunkCopy.weakFiles";
    public static final String DELETE_OF_FILE = "ChunkCopy.deleteOfFile";

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "chunk_id")
    private FileChunk chunk;

    /** The file's id, kept here too so that the map of a file is read and removed without joins. */
    @Column(name = "file_id", length = 32, nullable = false)
    private String fileId;

    /** The chunk's index, kept here too so that an acknowledgement finds its copy by index. */
    @Column(name = "chunk_index", nullable = false)
    private int chunkIndex;

    @Column(length = 16, nullable = false)
    private String nodeId;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false, columnDefinition = "varchar(16)")
    private CopyState state;

    /** Null in catalogs from before replicas: an upload's copy. */
    @Enumerated(EnumType.STRING)
    @Column(length = 16, columnDefinition = "varchar(16)")
    private CopyPurpose purpose;

    /** When the copy was sent (null in catalogs from before replicas). */
    private Instant sentAt;

    protected ChunkCopy() {
    }

    private ChunkCopy(FileChunk chunk, String nodeId, CopyState state, CopyPurpose purpose) {
        this.chunk = chunk;
        this.fileId = chunk.fileId();
        this.chunkIndex = chunk.index();
        this.nodeId = nodeId;
        this.state = state;
        this.purpose = purpose;
        this.sentAt = Instant.now();
    }

    /** A copy sent to a node by an upload. */
    public static ChunkCopy uploaded(FileChunk chunk, String nodeId) {
        return new ChunkCopy(chunk, nodeId, CopyState.PENDING, CopyPurpose.UPLOAD);
    }

    /** A copy sent to a node by repair, from one of the chunk's good copies. */
    public static ChunkCopy repaired(FileChunk chunk, String nodeId) {
        return new ChunkCopy(chunk, nodeId, CopyState.PENDING, CopyPurpose.REPAIR);
    }

    /** A copy found on a node's disk when the catalog is rebuilt from the nodes. */
    public static ChunkCopy adopted(FileChunk chunk, String nodeId) {
        return new ChunkCopy(chunk, nodeId, CopyState.STORED, CopyPurpose.UPLOAD);
    }

    /** The chunk's node was stopped while it was on its way; it was sent on to {@code otherNode}. */
    public void moveTo(String otherNode) {
        if (state != CopyState.PENDING) {
            throw new IllegalStateException("only a copy on its way can move");
        }
        this.nodeId = otherNode;
    }

    /**
     * A node answered for the copy. It may be another node than the one recorded: a copy sent on from a
     * stopped node can be acknowledged by its new node before the stopped node's word that it moved.
     */
    public void answered(String node, boolean stored) {
        if (state != CopyState.PENDING) {
            throw new IllegalStateException("copy of " + fileId + "#" + chunkIndex + " on " + nodeId + " was answered already");
        }
        this.nodeId = node;
        state = stored ? CopyState.STORED : CopyState.REJECTED;
    }

    /** Whether this is the copy a node's answer is about: it sits (or sat, before it moved) on one of them. */
    public boolean answersTo(String answeringNode, String placedOn) {
        return state == CopyState.PENDING && (nodeId.equals(answeringNode) || nodeId.equals(placedOn));
    }

    /** A good copy a reader can fetch now: stored on a node that is alive. */
    public boolean readable(Predicate<String> alive) {
        return state == CopyState.STORED && alive.test(nodeId);
    }

    /** Still counted for the chunk's strength: stored or on its way, to a node that is counted. */
    public boolean counts(Predicate<String> counted) {
        return state != CopyState.REJECTED && counted.test(nodeId);
    }

    /** The state the map shows: OFFLINE for a stored copy on a node that is stopped now. */
    public String shownState(Predicate<String> alive) {
        return state == CopyState.STORED && !alive.test(nodeId) ? "OFFLINE" : state.name();
    }

    public boolean repair() {
        return purpose == CopyPurpose.REPAIR;
    }

    public Long id() {
        return id;
    }

    public FileChunk chunk() {
        return chunk;
    }

    public String fileId() {
        return fileId;
    }

    public int chunkIndex() {
        return chunkIndex;
    }

    public String nodeId() {
        return nodeId;
    }

    public CopyState state() {
        return state;
    }

    public Instant sentAt() {
        return sentAt;
    }
}
