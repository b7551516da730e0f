package org.p2pstorage.mail.entity;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/** One plain-text e-mail: recipient, subject and body; travels as a JMS text message with two properties. */
public record Mail(String to, String subject, String text) {

    private static final String TO = "to";
    private static final String SUBJECT = "subject";

    public TextMessage toMessage(JMSContext context) {
        TextMessage message = context.createTextMessage(text);
        try {
            message.setStringProperty(TO, to);
            message.setStringProperty(SUBJECT, subject);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot write a mail message", e);
        }
        return message;
    }

    public static Mail of(Message message) throws JMSException {
        return new Mail(message.getStringProperty(TO), message.getStringProperty(SUBJECT),
                ((TextMessage) message).getText());
    }

    @Override
    public String toString() {
        return "Mail[to=" + to + ", subject=" + subject + "]";
    }
}
