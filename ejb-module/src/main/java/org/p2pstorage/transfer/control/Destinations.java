package org.p2pstorage.transfer.control;

/**
 * The JNDI names of the queues the chunks travel on, kept in one place: the transfer feature's
 * {@code ChunkProducer} sends on them, and the consumers at either end (a node's, the uploader's) name them
 * in their annotations, which take only constants. The network's own queues (health, commands, reads) are
 * the network feature's {@code Destinations}. The queues themselves are created by {@code jms-config/queues.cli} when the server is provisioned (on a standalone broker, by
 * {@code jms-config/remote-broker.cli} and the broker's own configuration).
 */
public final class Destinations {

    /** Chunks on their way to a node; the message property {@code nodeId} says which one. */
    public static final String NODE_INBOX = "java:/jms/queue/p2p/NodeInbox";
    /** Acknowledgements from the nodes back to the uploader. */
    public static final String CHUNK_ACKS = "java:/jms/queue/p2p/ChunkAcks";

    private Destinations() {
    }
}
