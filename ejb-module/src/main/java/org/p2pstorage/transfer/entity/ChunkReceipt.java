package org.p2pstorage.transfer.entity;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.p2pstorage.storage.entity.StoreOutcome;

/**
 * A node's acknowledgement of one chunk: which chunk, which node, and whether it was stored. A chunk
 * that reached a stopped node and was sent on to another live node carries that node in {@code movedTo}.
 */
public record ChunkReceipt(String fileId, int index, String nodeId, StoreOutcome outcome, String movedTo) {

    private static final String OUTCOME = "outcome";
    private static final String MOVED_TO = "movedTo";

    public ChunkReceipt(String fileId, int index, String nodeId, StoreOutcome outcome) {
        this(fileId, index, nodeId, outcome, null);
    }

    public boolean moved() {
        return movedTo != null;
    }

    public Message toMessage(JMSContext context) {
        try {
            Message message = context.createMessage();
            message.setStringProperty(ChunkParcel.FILE_ID, fileId);
            message.setIntProperty(ChunkParcel.CHUNK_INDEX, index);
            message.setStringProperty(ChunkParcel.NODE_ID, nodeId);
            message.setStringProperty(OUTCOME, outcome.name());
            if (movedTo != null) {
                message.setStringProperty(MOVED_TO, movedTo);
            }
            return message;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build the acknowledgement for " + fileId + "#" + index, e);
        }
    }

    public static ChunkReceipt of(Message message) throws JMSException {
        return new ChunkReceipt(message.getStringProperty(ChunkParcel.FILE_ID),
                message.getIntProperty(ChunkParcel.CHUNK_INDEX), message.getStringProperty(ChunkParcel.NODE_ID),
                StoreOutcome.valueOf(message.getStringProperty(OUTCOME)), message.getStringProperty(MOVED_TO));
    }
}
