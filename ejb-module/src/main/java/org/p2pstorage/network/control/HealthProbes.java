package org.p2pstorage.network.control;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import org.p2pstorage.transfer.control.Routes;
import org.p2pstorage.transfer.entity.Booking;

/**
 * The broadcast health check, as a real network does it: a HEALTH_CHECK packet crosses each node's
 * link, a live node answers across the link back, and a node that has not answered within the timeout
 * is DEAD. Runs outside any transaction so that the probes leave at once and the answers can be read.
 * <p>
 * The packets' times on the links are booked by the boundaries that call this (the link model is the
 * transfer feature's boundary, {@code Links}): here the probes and answers are only sent with the arrival
 * times they were given, and the answers collected.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthProbes {

    static final String PROBE_ID = "probeId";
    static final String NODE_ID = "nodeId";

    @Inject
    JMSContext context;

    @Resource(lookup = Destinations.HEALTH_PROBES)
    Queue probes;

    @Resource(lookup = Destinations.HEALTH_REPLIES)
    Queue replies;

    @Inject
    Routes routes;

    /**
     * Sends probe {@code probeId} to every node of {@code arrivals}, each to arrive at the time its link
     * was booked for, and returns the ones that answered in time.
     */
    public Set<String> broadcast(String probeId, Map<String, Long> arrivals, Duration timeout) {
        arrivals.forEach((nodeId, arrivalNanos) -> send(probes, probeId, nodeId, arrivalNanos));
        Set<String> answered = new HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (JMSConsumer consumer = context.createConsumer(replies, PROBE_ID + " = '" + probeId + "'")) {
            while (answered.size() < arrivals.size()) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                Message reply = consumer.receive(left);
                if (reply == null) {
                    break;
                }
                answered.add(reply.getStringProperty(NODE_ID));
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the health answers", e);
        }
        return answered;
    }

    /** A live node's answer to a probe, sent back across its link to arrive at {@code arrivalNanos}. */
    public void answer(String probeId, String nodeId, long arrivalNanos) {
        send(replies, probeId, nodeId, arrivalNanos);
    }

    private void send(Queue queue, String probeId, String nodeId, long arrivalNanos) {
        context.createProducer()
                .setProperty(Routes.SERVER, routes.destination(nodeId))
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setDeliveryDelay(Booking.millisUntil(arrivalNanos))
                .setProperty(PROBE_ID, probeId)
                .setProperty(NODE_ID, nodeId)
                .send(queue, "");
    }
}
