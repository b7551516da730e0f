package org.p2pstorage.mail.entity;

import java.time.Instant;

/** A mail in the outbox, as the admin listing shows it. */
public record OutboxEntry(String file, String to, String subject, Instant sentAt, String text) {
}
