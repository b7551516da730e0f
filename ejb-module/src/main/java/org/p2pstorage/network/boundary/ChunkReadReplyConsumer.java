package org.p2pstorage.network.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.p2pstorage.network.control.Destinations;
import org.p2pstorage.network.control.NodeCalls;
import org.p2pstorage.transfer.control.Routes;

/** Hands the bytes another server read for this one to the download or repair that asked for them. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.CHUNK_READ_REPLIES),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = Routes.ADDRESSED_HERE),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChunkReadReplyConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ChunkReadReplyConsumer.class.getName());

    @Inject
    NodeCalls calls;

    @Override
    public void onMessage(Message message) {
        try {
            calls.replied(message);
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "dropped a chunk read reply that cannot be read", e);
        }
    }
}
