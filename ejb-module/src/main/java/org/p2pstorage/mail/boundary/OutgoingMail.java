package org.p2pstorage.mail.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

import org.p2pstorage.mail.control.Destinations;
import org.p2pstorage.mail.entity.Mail;

/**
 * The mail feature's way in: other features fire a {@link Mail} event and never reach into mail's internals.
 * The observer is synchronous, so the mail is queued in the firer's transaction: it leaves exactly when what
 * it reports is committed, and sending happens later, so a slow or absent mail server never holds up the request.
 */
@Stateless
public class OutgoingMail {

    @Inject
    JMSContext context;

    @Resource(lookup = Destinations.OUTGOING_MAIL)
    Queue outgoing;

    /** Queues the mail fired by another feature, in the firer's transaction. */
    public void send(@Observes Mail mail) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .send(outgoing, mail.toMessage(context));
    }
}
