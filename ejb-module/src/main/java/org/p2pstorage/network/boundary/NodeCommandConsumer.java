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

import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.control.Destinations;
import org.p2pstorage.network.entity.NodeCommand;
import org.p2pstorage.transfer.control.Routes;

/** Carries out, on a node hosted here, an order another server sent for it. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.NODE_COMMANDS),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = Routes.ADDRESSED_HERE),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeCommandConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(NodeCommandConsumer.class.getName());

    @EJB
    Nodes nodes;

    @Override
    public void onMessage(Message message) {
        try {
            nodes.carryOut(NodeCommand.of(message));
        } catch (JMSException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "dropped a node command that cannot be read", e);
        } catch (Failure e) {
            LOG.log(Level.WARNING, "a node command failed: {0}", e.getMessage());
        }
    }
}
