package org.p2pstorage.mail.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.mail.entity.Mail;

/**
 * Delivers one mail. With an SMTP host configured ({@code P2P_MAIL_HOST}) it goes through the server's
 * mail session ({@code java:jboss/mail/p2p}: host, port, TLS and sender come from
 * {@code jms-config/configure-server.cli}); the credentials, when set, are passed at sending. Without
 * one, the mail is written to the outbox folder of the data folder, so that every flow can be tried on
 * a machine with no mail server.
 */
@ApplicationScoped
public class Postman {

    public static final String MAIL_SESSION = "java:jboss/mail/p2p";

    @Resource(lookup = MAIL_SESSION)
    Session session;

    @Inject
    @ConfigProperty(name = "p2p.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "p2p.mail.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "p2p.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "p2p.data.dir")
    String dataDir;

    public boolean smtp() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    /** Sends the mail or files it in the outbox; throws when the mail server cannot take it now. */
    public void deliver(Mail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom();
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (!smtp()) {
            file(message);
            return;
        }
        String login = user.filter(u -> !u.isBlank()).orElse(null);
        if (login == null) {
            Transport.send(message);
        } else {
            Transport.send(message, login, password.orElse(""));
        }
    }

    public Path outbox() {
        return Path.of(dataDir, "outbox");
    }

    /**
     * Writes the message as an RFC 822 file, named by time so that the listing reads in order; eight random hex
     * digits keep two mails of the same instant apart (a file name, not a secret: no need for account's secrets).
     */
    private void file(MimeMessage message) throws MessagingException {
        try {
            Files.createDirectories(outbox());
            String name = DateTimeFormatter.ISO_INSTANT.format(Instant.now()).replace(':', '-')
                    + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".eml";
            try (var out = Files.newOutputStream(outbox().resolve(name), StandardOpenOption.CREATE_NEW)) {
                message.writeTo(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the outbox " + outbox(), e);
        }
    }
}
