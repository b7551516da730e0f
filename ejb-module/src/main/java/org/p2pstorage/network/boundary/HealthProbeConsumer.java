package org.p2pstorage.network.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.p2pstorage.network.control.Destinations;
import org.p2pstorage.network.control.HealthProbes;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.control.Routes;

/**
 * A node receives a HEALTH_CHECK packet and, if it is running, answers it across its link (booked here with
 * the transfer feature's {@link Links}, sent by {@link HealthProbes}). A stopped node stays silent.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.HEALTH_PROBES),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "messageSelector", propertyValue = Routes.ADDRESSED_HERE),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
public class HealthProbeConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(HealthProbeConsumer.class.getName());

    @EJB
    HostedNodes hostedNodes;

    @Inject
    HealthProbes probes;

    @EJB
    Links links;

    @Override
    public void onMessage(Message message) {
        try {
            String nodeId = message.getStringProperty("nodeId");
            if (hostedNodes.node(nodeId).status().alive()) {
                String probeId = message.getStringProperty("probeId");
                probes.answer(probeId, nodeId, links.answer(nodeId, probeId));
            }
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "a health probe could not be answered", e);
        }
    }
}
