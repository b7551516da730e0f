package org.p2pstorage.network.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.p2pstorage.network.control.Destinations;
import org.p2pstorage.network.control.NodeCalls;
import org.p2pstorage.transfer.control.Routes;

/** Reads a chunk from a node hosted here for another server's download or repair, and sends the bytes back. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.CHUNK_READS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = Routes.ADDRESSED_HERE),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChunkReadConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ChunkReadConsumer.class.getName());

    @EJB
    Nodes nodes;

    @Override
    public void onMessage(Message message) {
        try {
            nodes.answer(NodeCalls.ReadRequest.of(message));
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "a chunk read could not be answered", e);
        }
    }
}
