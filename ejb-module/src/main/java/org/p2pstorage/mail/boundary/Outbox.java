package org.p2pstorage.mail.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.p2pstorage.mail.control.Postman;
import org.p2pstorage.mail.entity.OutboxEntry;

/**
 * The mails written to the outbox when no SMTP server is configured, newest first: what a user would
 * have received, readable by an admin so that every flow (alerts, codes) can be tried on a bare machine.
 */
@Stateless
@DeclareRoles("admin")
@PermitAll // WildFly denies the unannotated methods of a bean that has @RolesAllowed on some
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final int LIMIT = 200;

    @Inject
    Postman postman;

    @RolesAllowed("admin")
    public List<OutboxEntry> list() {
        Path folder = postman.outbox();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<OutboxEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).limit(LIMIT).toList()) {
                entries.add(read(file));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, e, () -> "cannot list the outbox " + folder);
        }
        return entries;
    }

    private static OutboxEntry read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(null, in);
            Instant sent = message.getSentDate() == null ? null : message.getSentDate().toInstant();
            return new OutboxEntry(file.getFileName().toString(), String.join(", ", message.getHeader("To")),
                    message.getSubject(), sent, String.valueOf(message.getContent()));
        } catch (MessagingException e) {
            throw new IOException("cannot read " + file, e);
        }
    }
}
