package org.p2pstorage.transfer.entity;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.p2pstorage.storage.entity.ChunkKey;

/**
 * One chunk on the wire: the ids that say where it belongs and the bytes themselves, nothing more.
 * It travels as a {@link BytesMessage} with the ids as properties.
 */
public record ChunkParcel(String fileId, int index, String nodeId, String sha256, byte[] data) {

    static final String FILE_ID = "fileId";
    static final String CHUNK_INDEX = "chunkIndex";
    static final String NODE_ID = "nodeId";
    static final String SHA256 = "sha256";

    public ChunkKey key() {
        return new ChunkKey(fileId, index);
    }

    /** The same chunk, addressed to another node. */
    public ChunkParcel to(String otherNode) {
        return new ChunkParcel(fileId, index, otherNode, sha256, data);
    }

    public BytesMessage toMessage(JMSContext context) {
        try {
            BytesMessage message = context.createBytesMessage();
            message.setStringProperty(FILE_ID, fileId);
            message.setIntProperty(CHUNK_INDEX, index);
            message.setStringProperty(NODE_ID, nodeId);
            message.setStringProperty(SHA256, sha256);
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
        return new ChunkParcel(bytes.getStringProperty(FILE_ID), bytes.getIntProperty(CHUNK_INDEX),
                bytes.getStringProperty(NODE_ID), bytes.getStringProperty(SHA256), data);
    }
}
