package org.p2pstorage.transfer.control;

/**
 * The JNDI names of the simulated network's queues, kept in one place. The queues themselves are
 * created by {@code jms-config/queues.cli} when the server is provisioned.
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

    private Destinations() {
    }
}
