package org.p2pstorage.network.control;

/**
 * The JNDI names of the queues only the network feature uses (health checks, commands and reads between
 * servers that host nodes), kept in one place and in this feature, so that its controls and consumers need
 * nothing of the transfer feature's internals for them. The queues of the chunks themselves (a node's inbox,
 * the acknowledgements) belong to the transfer feature. The queues are created by {@code jms-config/queues.cli}
 * when the server is provisioned (on a standalone broker, by {@code jms-config/remote-broker.cli} and the
 * broker's own configuration).
 */
public final class Destinations {

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
