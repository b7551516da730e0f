package org.p2pstorage.transfer.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

import org.p2pstorage.transfer.control.Destinations;
import org.p2pstorage.transfer.control.Routes;
import org.p2pstorage.transfer.entity.Booking;
import org.p2pstorage.transfer.entity.ChunkDeparture;
import org.p2pstorage.transfer.entity.ChunkParcel;
import org.p2pstorage.transfer.entity.ChunkReceipt;

/**
 * Puts chunks and their acknowledgements on the wire. Every message is sent in the caller's
 * transaction, so a chunk is on its way exactly when the catalog row that expects it is committed.
 * The arrival time comes from the throttling bridge ({@code Links}); the broker's scheduled delivery
 * does the waiting, so no thread sleeps while a chunk crosses a slow link.
 * <p>
 * It is the transfer feature's boundary to the wire: the catalog hands it chunks as {@link ChunkDeparture}
 * events (observed in the catalog's transaction), and the nodes' consumers call it for their answers, so
 * that no other feature reaches into transfer's controls to send.
 */
@Stateless
public class ChunkProducer {

    /** The property of a chunk that must be booked on its node's link by the node's host before it travels. */
    public static final String REBOOK = "rebook";

    @Inject
    JMSContext context;

    @Inject
    Routes routes;

    @Resource(lookup = Destinations.NODE_INBOX)
    Queue nodeInbox;

    @Resource(lookup = Destinations.CHUNK_ACKS)
    Queue chunkAcks;

    /**
     * Sends the chunk so that the broker delivers it at {@code arrivalNanos} ({@link System#nanoTime()}). A chunk
     * for a node another server hosts goes to that server at once, marked {@value #REBOOK}: the host books it on
     * its own clock of the node's link, which every server's chunks for that node share, and sends it on to the
     * node at the arrival that clock gives (see {@code ChunkConsumer}).
     */
    public void send(ChunkParcel parcel, long arrivalNanos) {
        String host = routes.destination(parcel.nodeId());
        boolean here = host.equals(routes.me());
        var producer = context.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setDeliveryDelay(here ? Booking.millisUntil(arrivalNanos) : 0)
                .setProperty(Routes.SERVER, host);
        if (!here) {
            producer.setProperty(REBOOK, true);
        }
        producer.send(nodeInbox, parcel.sentBy(routes.me()).toMessage(context));
    }

    /** Sends the chunk the catalog fired, in the catalog's transaction (see {@link #send(ChunkParcel, long)}). */
    public void depart(@Observes ChunkDeparture departure) {
        send(departure.parcel(), departure.arrivalNanos());
    }

    /** Sends a node's answer so that it reaches the uploader (the server {@code sender}) at {@code arrivalNanos}. */
    public void acknowledge(ChunkReceipt receipt, String sender, long arrivalNanos) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .setDeliveryDelay(Booking.millisUntil(arrivalNanos))
                .setProperty(Routes.SERVER, sender != null ? sender : routes.me())
                .send(chunkAcks, receipt.toMessage(context));
    }

}
