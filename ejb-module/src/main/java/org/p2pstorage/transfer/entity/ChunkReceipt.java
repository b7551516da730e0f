package org.p2pstorage.transfer.entity;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

import org.p2pstorage.storage.entity.StoreOutcome;

/**
 * A node's acknowledgement of one copy of a chunk: which chunk, which node answers, which node the catalog
 * recorded for the copy ({@code placedOn}), and whether it was stored. A copy that reached a stopped node
 * and was sent on to another live node carries that node in {@code movedTo}. {@code bytes}: the chunk's size
 * (the room the uploader promised on the node is over once the node has answered).
 */
public record ChunkReceipt(String fileId, int index, String nodeId, String placedOn, StoreOutcome outcome,
                           String movedTo, int bytes) {

    private static final String OUTCOME = "outcome";
    private static final String MOVED_TO = "movedTo";
    private static final String BYTES = "chunkBytes";

    public static ChunkReceipt of(ChunkParcel parcel, StoreOutcome outcome) {
        return new ChunkReceipt(parcel.fileId(), parcel.index(), parcel.nodeId(), parcel.placedOn(), outcome, null,
                parcel.data().length);
    }

    public static ChunkReceipt moved(ChunkParcel parcel, String movedTo) {
        return new ChunkReceipt(parcel.fileId(), parcel.index(), parcel.nodeId(), parcel.placedOn(),
                StoreOutcome.OFFLINE, movedTo, parcel.data().length);
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
            message.setStringProperty(ChunkParcel.PLACED_ON, placedOn);
            message.setStringProperty(OUTCOME, outcome.name());
            message.setIntProperty(BYTES, bytes);
            if (movedTo != null) {
                message.setStringProperty(MOVED_TO, movedTo);
            }
            return message;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build the acknowledgement for " + fileId + "#" + index, e);
        }
    }

    public static ChunkReceipt of(Message message) throws JMSException {
        String nodeId = message.getStringProperty(ChunkParcel.NODE_ID);
        String placedOn = message.getStringProperty(ChunkParcel.PLACED_ON);
        return new ChunkReceipt(message.getStringProperty(ChunkParcel.FILE_ID),
                message.getIntProperty(ChunkParcel.CHUNK_INDEX), nodeId, placedOn == null ? nodeId : placedOn,
                StoreOutcome.valueOf(message.getStringProperty(OUTCOME)), message.getStringProperty(MOVED_TO),
                message.propertyExists(BYTES) ? message.getIntProperty(BYTES) : 0);
    }
}
