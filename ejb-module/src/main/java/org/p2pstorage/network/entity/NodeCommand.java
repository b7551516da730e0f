package org.p2pstorage.network.entity;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.storage.entity.FileRecord;
import org.p2pstorage.transfer.entity.LinkSettings;

/**
 * An order for a node hosted by another server, carried to that server by the broker: drop a chunk, keep a
 * file's record, stop, start, change its link. The host carries it out on its node; nothing is answered (the registry shows
 * the node's new state, the catalog already says what the node should hold).
 */
public record NodeCommand(Kind kind, String nodeId, ChunkKey chunk, FileRecord record, LinkSettings link) {

    public enum Kind {
        DELETE, RECORD, STOP, START, LINK
    }

    static final String KIND = "command";
    static final String NODE_ID = "nodeId";
    static final String FILE_ID = "fileId";
    static final String CHUNK_INDEX = "chunkIndex";

    public static NodeCommand delete(String nodeId, ChunkKey chunk) {
        return new NodeCommand(Kind.DELETE, nodeId, chunk, null, null);
    }

    public static NodeCommand record(String nodeId, FileRecord record) {
        return new NodeCommand(Kind.RECORD, nodeId, null, record, null);
    }

    public static NodeCommand stop(String nodeId) {
        return new NodeCommand(Kind.STOP, nodeId, null, null, null);
    }

    public static NodeCommand start(String nodeId) {
        return new NodeCommand(Kind.START, nodeId, null, null, null);
    }

    public static NodeCommand link(String nodeId, LinkSettings link) {
        return new NodeCommand(Kind.LINK, nodeId, null, null, link);
    }

    public Message toMessage(JMSContext context) {
        try {
            TextMessage message = context.createTextMessage(record != null ? record.toLine()
                    : link != null ? link.bandwidthBytesPerSecond() + " " + link.delayMinMs() + " " + link.delayMaxMs()
                    + " " + link.lossRate() : "");
            message.setStringProperty(KIND, kind.name());
            message.setStringProperty(NODE_ID, nodeId);
            if (chunk != null) {
                message.setStringProperty(FILE_ID, chunk.fileId());
                message.setIntProperty(CHUNK_INDEX, chunk.index());
            }
            return message;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot build the " + kind + " command for " + nodeId, e);
        }
    }

    public static NodeCommand of(Message message) throws JMSException {
        Kind kind = Kind.valueOf(message.getStringProperty(KIND));
        String nodeId = message.getStringProperty(NODE_ID);
        ChunkKey chunk = message.propertyExists(FILE_ID)
                ? new ChunkKey(message.getStringProperty(FILE_ID), message.getIntProperty(CHUNK_INDEX)) : null;
        FileRecord record = kind == Kind.RECORD
                ? FileRecord.ofLine(((TextMessage) message).getText())
                        .orElseThrow(() -> new IllegalArgumentException("a RECORD command without a readable record"))
                : null;
        if (kind == Kind.DELETE && chunk == null) {
            throw new IllegalArgumentException("a DELETE command without a chunk");
        }
        LinkSettings link = null;
        if (kind == Kind.LINK) {
            String[] parts = ((TextMessage) message).getText().split(" ");
            link = new LinkSettings(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                    Double.parseDouble(parts[3]));
        }
        return new NodeCommand(kind, nodeId, chunk, record, link);
    }
}
