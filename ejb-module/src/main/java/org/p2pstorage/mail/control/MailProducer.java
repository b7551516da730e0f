package org.p2pstorage.mail.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

import org.p2pstorage.mail.entity.Mail;

/**
 * Queues e-mails in the caller's transaction: a mail leaves exactly when what it reports is committed,
 * and sending happens later, so a slow or absent mail server never holds up the request.
 */
@Stateless
public class MailProducer {

    @Inject
    JMSContext context;

    @Resource(lookup = Destinations.OUTGOING_MAIL)
    Queue outgoing;

    public void send(Mail mail) {
        context.createProducer()
                .setDeliveryMode(DeliveryMode.PERSISTENT)
                .send(outgoing, mail.toMessage(context));
    }
}
