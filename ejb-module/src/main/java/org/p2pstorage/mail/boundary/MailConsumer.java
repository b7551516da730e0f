package org.p2pstorage.mail.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.mail.MessagingException;

import org.p2pstorage.mail.control.Destinations;
import org.p2pstorage.mail.control.Postman;
import org.p2pstorage.mail.entity.Mail;

/**
 * Sends the queued mails. A mail the server cannot take now (down, refusing) rolls the delivery back,
 * and the broker offers it again later with a growing delay and no limit on attempts
 * ({@code jms-config/queues.cli}), so no mail is lost and no request ever waits for the mail server.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = Destinations.OUTGOING_MAIL),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")})
public class MailConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(MailConsumer.class.getName());

    @Inject
    Postman postman;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        Mail mail;
        int attempt;
        try {
            mail = Mail.of(message);
            attempt = message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.WARNING, "dropped a mail message that cannot be read", e);
            return;
        }
        try {
            postman.deliver(mail);
            LOG.log(Level.INFO, "mail to {0} {1} (attempt {2})",
                    new Object[]{mail.to(), postman.smtp() ? "sent" : "written to the outbox", attempt});
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "mail to {0} not sent (attempt {1}), will retry: {2}",
                    new Object[]{mail.to(), attempt, e.toString()});
            context.setRollbackOnly();
        }
    }
}
