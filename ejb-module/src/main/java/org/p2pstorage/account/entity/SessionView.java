package org.p2pstorage.account.entity;

import java.time.Instant;

/** A session as its owner sees it in the list; {@code current} marks the one making the request. */
public record SessionView(String id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, String ip,
                          String userAgent, boolean current) {

    public static SessionView of(LoginSession session, String currentId) {
        return new SessionView(session.id(), session.createdAt(), session.lastUsedAt(), session.expiresAt(),
                session.ip(), session.userAgent(), session.id().equals(currentId));
    }
}
