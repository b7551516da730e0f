package org.p2pstorage.transfer.entity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.p2pstorage.storage.entity.ChunkKey;

/**
 * One copy of a chunk on the wire: the ids that say where it belongs and the bytes themselves. It travels
 * as a {@link BytesMessage} with the ids as properties. {@code placedOn} is the node the catalog recorded
 * for this copy (it differs from {@code nodeId} once the copy was sent on from a stopped node), and
 * {@code avoid} the nodes that hold the chunk's other copies, which a copy sent on must not join.
 * {@code sender} is the server that sent it (where the node's answer goes; {@code null} until it is sent).
 */
public record ChunkParcel(String fileId, int index, String nodeId, String placedOn, Set<String> avoid,
                          String sha256, byte[] data, String sender) {

    static final String FILE_ID = "fileId";
    static final String CHUNK_INDEX = "chunkIndex";
    static final String NODE_ID = "nodeId";
    static final String PLACED_ON = "placedOn";
    static final String AVOID = "avoid";
    static final String SHA256 = "sha256";
    static final String SENDER = "sender";

    public ChunkParcel {
        avoid = Set.copyOf(avoid);
    }

    /** A copy for {@code nodeId}, as the catalog placed it. */
    public static ChunkParcel copy(String fileId, int index, String nodeId, Set<String> otherCopies, String sha256,
                                   byte[] data) {
        return new ChunkParcel(fileId, index, nodeId, nodeId, otherCopies, sha256, data, null);
    }

    public ChunkKey key() {
        return new ChunkKey(fileId, index);
    }

    /** The same copy, sent on to another node. */
    public ChunkParcel to(String otherNode) {
        return new ChunkParcel(fileId, index, otherNode, placedOn, avoid, sha256, data, sender);
    }

    /** The same copy, as sent by {@code server} (a copy sent on keeps its first sender). */
    public ChunkParcel sentBy(String server) {
        return sender != null ? this : new ChunkParcel(fileId, index, nodeId, placedOn, avoid, sha256, data, server);
    }

    public BytesMessage toMessage(JMSContext context) {
        try {
            BytesMessage message = context.createBytesMessage();
            message.setStringProperty(FILE_ID, fileId);
            message.setIntProperty(CHUNK_INDEX, index);
            message.setStringProperty(NODE_ID, nodeId);
            message.setStringProperty(PLACED_ON, placedOn);
            message.setStringProperty(AVOID, String.join(",", avoid));
            message.setStringProperty(SHA256, sha256);
            if (sender != null) {
                message.setStringProperty(SENDER, sender);
            }
            message.writeBytes(data);
            return message;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build the message for chunk " + key(), e);
        }
    }

    public static ChunkParcel of(Message message) throws JMSException {
        BytesMessage bytes = (BytesMessage) message;
        byte[] data = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(data);
        String nodeId = bytes.getStringProperty(NODE_ID);
        String placedOn = bytes.getStringProperty(PLACED_ON);
        String avoid = bytes.getStringProperty(AVOID);
        return new ChunkParcel(bytes.getStringProperty(FILE_ID), bytes.getIntProperty(CHUNK_INDEX), nodeId,
                placedOn == null ? nodeId : placedOn,
                avoid == null || avoid.isBlank() ? Set.of() : Arrays.stream(avoid.split(",")).collect(Collectors.toSet()),
                bytes.getStringProperty(SHA256), data, bytes.getStringProperty(SENDER));
    }
}
