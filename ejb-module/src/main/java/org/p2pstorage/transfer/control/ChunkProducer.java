package org.p2pstorage.transfer.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

import org.p2pstorage.transfer.entity.ChunkParcel;
import org.p2pstorage.transfer.entity.ChunkReceipt;

/**
 * Puts chunks and their acknowledgements on the wire. Every message is sent in the caller's
 * transaction, so a chunk is on its way exactly when the catalog row that expects it is committed.
 * This is the one place where the simulated network's bridge will decide when a message arrives.
 */
@Stateless
public class ChunkProducer {

    @Inject
    JMSContext context;

    @Resource(lookup = Destinations.NODE_INBOX)
    Queue nodeInbox;

    @Resource(lookup = Destinations.CHUNK_ACKS)
    Queue chunkAcks;

    public void send(ChunkParcel parcel) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .send(nodeInbox, parcel.toMessage(context));
    }

    public void acknowledge(ChunkReceipt receipt) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .send(chunkAcks, receipt.toMessage(context));
    }
}
