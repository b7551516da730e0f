package org.p2pstorage.mail.control;

/**
 * The JNDI name of the mail queue, kept in one place. The queue and its retry policy are created by
 * {@code jms-config/queues.cli} when the server is provisioned.
 */
public final class Destinations {

    /** E-mails waiting to be sent; a failed send is redelivered with a growing delay, never dropped. */
    public static final String OUTGOING_MAIL = "java:/jms/queue/p2p/OutgoingMail";

    private Destinations() {
    }
}
