package org.p2pstorage.network.control;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.entity.ChunkRead;
import org.p2pstorage.network.entity.NodeCommand;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.transfer.control.Routes;

/**
 * Calls on a node that another server hosts, as messages through the broker: orders (persistent, carried
 * out once the host takes them, even after a restart) and chunk reads (request and reply, never waited for
 * by a thread: the reply completes a future). Sent outside any transaction, so they leave at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeCalls {

    /** The reply's outcome: FOUND (the body is the bytes), MISSING, or DOWN (the node is stopped or failed). */
    public static final String OUTCOME = "outcome";
    static final String REQUEST = "requestId";
    static final String NODE_ID = "nodeId";
    static final String FILE_ID = "fileId";
    static final String CHUNK_INDEX = "chunkIndex";
    static final String SHA256 = "sha256";
    static final String SIZE = "size";
    /** On a reply: in how many nanoseconds the bytes reach the gateway by the host's clock of the node's link. */
    static final String ARRIVES_IN = "arrivesInNanos";

    @Inject
    JMSContext context;

    @Inject
    Routes routes;

    @Inject
    PendingReads pending;

    @Inject
    @ConfigProperty(name = "p2p.remote.read.timeout.ms", defaultValue = "5000")
    long readTimeoutMs;

    @Resource(lookup = Destinations.NODE_COMMANDS)
    Queue commands;

    @Resource(lookup = Destinations.CHUNK_READS)
    Queue reads;

    @Resource(lookup = Destinations.CHUNK_READ_REPLIES)
    Queue replies;

    /** Sends the order to the node's host. */
    public void order(NodeCommand command) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setProperty(Routes.SERVER, routes.destination(command.nodeId()))
                .send(commands, command.toMessage(context));
    }

    /**
     * Asks the node's host for the chunk's bytes (of this SHA-256 and size, which the host books on its clock of the
     * node's link): the future completes with them and their arrival, empty when they are not there.
     */
    public CompletableFuture<Optional<ChunkRead>> read(String nodeId, ChunkKey key, String sha256, int size) {
        PendingReads.Request request = pending.expect(nodeId, Duration.ofMillis(readTimeoutMs));
        context.createProducer()
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setTimeToLive(readTimeoutMs)
                .setProperty(Routes.SERVER, routes.destination(nodeId))
                .setProperty(Routes.FROM, routes.me())
                .setProperty(REQUEST, request.id())
                .setProperty(NODE_ID, nodeId)
                .setProperty(FILE_ID, key.fileId())
                .setProperty(CHUNK_INDEX, key.index())
                .setProperty(SHA256, sha256)
                .setProperty(SIZE, size)
                .send(reads, "");
        return request.reply();
    }

    /** A read request as the host receives it. */
    public record ReadRequest(String id, String from, String nodeId, ChunkKey key, String sha256, int size) {

        public static ReadRequest of(Message message) throws JMSException {
            return new ReadRequest(message.getStringProperty(REQUEST), message.getStringProperty(Routes.FROM),
                    message.getStringProperty(NODE_ID),
                    new ChunkKey(message.getStringProperty(FILE_ID), message.getIntProperty(CHUNK_INDEX)),
                    message.getStringProperty(SHA256), message.getIntProperty(SIZE));
        }
    }

    /**
     * The host's reply: the bytes and in how many nanoseconds its clock of the node's link delivers them, or the
     * outcome that says why there are none.
     */
    public void reply(ReadRequest request, String outcome, byte[] data, long arrivesInNanos) {
        try {
            BytesMessage message = context.createBytesMessage();
            if (data != null) {
                message.writeBytes(data);
            }
            context.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setTimeToLive(readTimeoutMs)
                    .setProperty(Routes.SERVER, request.from())
                    .setProperty(REQUEST, request.id())
                    .setProperty(OUTCOME, outcome)
                    .setProperty(ARRIVES_IN, arrivesInNanos)
                    .send(replies, message);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot answer the read of " + request.key(), e);
        }
    }

    /** Hands a reply to the read waiting for it. */
    public void replied(Message message) throws JMSException {
        String id = message.getStringProperty(REQUEST);
        String outcome = message.getStringProperty(OUTCOME);
        switch (outcome) {
            case "FOUND" -> {
                BytesMessage bytes = (BytesMessage) message;
                byte[] data = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(data);
                long arrival = System.nanoTime() + Math.max(0, message.getLongProperty(ARRIVES_IN));
                pending.answered(id, Optional.of(new ChunkRead(data, arrival)));
            }
            case "MISSING" -> pending.answered(id, Optional.empty());
            default -> pending.failed(id, new Failure(Failure.Kind.UNAVAILABLE, "the node could not be read: " + outcome));
        }
    }
}
