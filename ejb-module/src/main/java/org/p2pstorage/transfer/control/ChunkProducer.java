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
 * The arrival time comes from the throttling bridge ({@code Links}); the broker's scheduled delivery
 * does the waiting, so no thread sleeps while a chunk crosses a slow link.
 */
@Stateless
public class ChunkProducer {

    @Inject
    JMSContext context;

    @Resource(lookup = Destinations.NODE_INBOX)
    Queue nodeInbox;

    @Resource(lookup = Destinations.CHUNK_ACKS)
    Queue chunkAcks;

    /** Sends the chunk so that the broker delivers it at {@code arrivalNanos} ({@link System#nanoTime()}). */
    public void send(ChunkParcel parcel, long arrivalNanos) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setDeliveryDelay(LinkClock.millisUntil(arrivalNanos))
                .send(nodeInbox, parcel.toMessage(context));
    }

    /** Sends a node's answer so that it reaches the uploader at {@code arrivalNanos}. */
    public void acknowledge(ChunkReceipt receipt, long arrivalNanos) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setDeliveryDelay(LinkClock.millisUntil(arrivalNanos))
                .send(chunkAcks, receipt.toMessage(context));
    }

}
