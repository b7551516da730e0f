package org.p2pstorage.transfer.control;

/**
 * The JNDI names of the simulated network's queues, kept in one place. The queues themselves are
 * created by {@code jms-config/queues.cli} when the server is provisioned (on a standalone broker, by
 * {@code jms-config/remote-broker.cli} and the broker's own configuration).
 */
public final class Destinations {

    /** Chunks on their way to a node; the message property {@code nodeId} says which one. */
    public static final String NODE_INBOX = "java:/jms/queue/p2p/NodeInbox";
    /** Acknowledgements from the nodes back to the uploader. */
    public static final String CHUNK_ACKS = "java:/jms/queue/p2p/ChunkAcks";
    /** HEALTH_CHECK packets on their way to a node. */
    public static final String HEALTH_PROBES = "java:/jms/queue/p2p/HealthProbes";
    /** The answers of the nodes that are alive, correlated by probe id. */
    public static final String HEALTH_REPLIES = "java:/jms/queue/p2p/HealthReplies";
    /** Orders for a node hosted by another server (drop a chunk, keep a record, stop, start). */
    public static final String NODE_COMMANDS = "java:/jms/queue/p2p/NodeCommands";
    /** Requests for a chunk's bytes from a node hosted by another server. */
    public static final String CHUNK_READS = "java:/jms/queue/p2p/ChunkReads";
    /** The bytes (or why not) back to the server that asked, correlated by request id. */
    public static final String CHUNK_READ_REPLIES = "java:/jms/queue/p2p/ChunkReadReplies";

    private Destinations() {
    }
}
