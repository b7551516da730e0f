package org.p2pstorage.network.boundary;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.storage.entity.StoreOutcome;
import org.p2pstorage.transfer.boundary.ChunkProducer;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.control.Destinations;
import org.p2pstorage.transfer.control.Routes;
import org.p2pstorage.transfer.entity.Booking;
import org.p2pstorage.transfer.entity.ChunkParcel;
import org.p2pstorage.transfer.entity.ChunkReceipt;

/**
 * Delivers a chunk that arrived over the network to its node, and answers with an acknowledgement that
 * crosses the link back. A copy that finds its node stopped is sent on to another live node that holds
 * no other copy of the chunk.
 * No transaction spans the delivery (a two-phase commit per chunk cost more than the chunk's own
 * write): the message is acknowledged to the broker only after the chunk is stored and its answer sent
 * (a durable send, which returns once the broker has it). A delivery cut short is redelivered; the node
 * stores a redelivered chunk once, and the catalog counts a repeated answer once.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.NODE_INBOX),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = Routes.ADDRESSED_HERE),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChunkConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ChunkConsumer.class.getName());

    @EJB
    HostedNodes hostedNodes;

    @EJB
    CopyPlacement copyPlacement;

    @Inject
    ChunkProducer producer;

    @EJB
    Links links;

    @Inject
    Routes routes;

    @Override
    public void onMessage(Message message) {
        ChunkParcel parcel;
        boolean rebook;
        try {
            parcel = ChunkParcel.of(message);
            rebook = message.propertyExists(ChunkProducer.REBOOK);
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "dropped a chunk message that cannot be read", e);
            return;
        }
        if (rebook) {
            forward(parcel); // from another server: on this server's clock of the node's link, shared by every sender
            return;
        }
        StoreOutcome outcome;
        try {
            boolean reservedHere = parcel.sender() == null || parcel.sender().equals(routes.me());
            outcome = hostedNodes.node(parcel.nodeId()).store(parcel.key(), parcel.data(), parcel.sha256(), reservedHere);
        } catch (Failure e) {
            LOG.log(Level.WARNING, "chunk {0} could not be stored on {1}: {2}",
                    new Object[]{parcel.key(), parcel.nodeId(), e.getMessage()});
            outcome = StoreOutcome.FAILED;
        }
        String answerKey = parcel.sha256() + "#" + parcel.index() + "@" + parcel.nodeId() + "@ack";
        if (outcome == StoreOutcome.OFFLINE) {
            Set<String> taken = new HashSet<>(parcel.avoid());
            taken.add(parcel.nodeId());
            List<String> other = copyPlacement.place(parcel.data().length, 1, taken);
            if (!other.isEmpty()) {
                LOG.log(Level.INFO, "chunk {0} re-placed on {1}", new Object[]{parcel.key(), other.get(0)});
                forward(parcel.to(other.get(0)));
                producer.acknowledge(ChunkReceipt.moved(parcel, other.get(0)), parcel.sender(),
                        links.answer(parcel.nodeId(), answerKey));
                return;
            }
        }
        producer.acknowledge(ChunkReceipt.of(parcel, outcome), parcel.sender(), links.answer(parcel.nodeId(), answerKey));
    }

    /**
     * Books the chunk on its node's link and sends it to arrive when the link model says: a chunk another server
     * sent to a node hosted here, or one whose node was stopped while it was on its way, re-placed on a live node.
     */
    private void forward(ChunkParcel parcel) {
        Booking booking = links.sendChunk(parcel.nodeId(), parcel.fileId(), parcel.index(), parcel.sha256(),
                parcel.data().length);
        producer.send(parcel, booking.arrivalNanos());
    }
}
