package org.p2pstorage.account.entity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A signed-in client: the SHA-256 of its bearer token (the token itself is never stored), when it began,
 * was last used and ends, and where it came from. Revoking or logging out deletes the row.
 */
@Entity
@Table(name = "login_session", uniqueConstraints = @UniqueConstraint(name = "login_session_token", columnNames = "tokenHash"))
@NamedQueries({
        @NamedQuery(name = LoginSession.BY_TOKEN, query = "SELECT s FROM LoginSession s JOIN FETCH s.account WHERE s.tokenHash = :tokenHash"),
        @NamedQuery(name = LoginSession.OF_ACCOUNT,
                query = "SELECT s FROM LoginSession s WHERE s.account = :account ORDER BY s.createdAt DESC, s.id"),
        @NamedQuery(name = LoginSession.DELETE_EXPIRED, query = "DELETE FROM LoginSession s WHERE s.expiresAt < :now")})
public class LoginSession {

    public static final String BY_TOKEN = "LoginSession.byToken";
    public static final String OF_ACCOUNT = "LoginSession.ofAccount";
    public static final String DELETE_EXPIRED = "LoginSession.deleteExpired";
    public static final int MAX_AGENT_LENGTH = 255;
    /** Last use is written at most this often, so that every request does not update the row. */
    private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);

    @Id
    @Column(length = 32)
    private String id;

    @Column(nullable = false, length = 64)
    private String tokenHash;

    @ManyToOne(optional = false)
    private UserAccount account;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant lastUsedAt;

    @Column(nullable = false)
    private Instant expiresAt;

    @Column(length = 64)
    private String ip;

    @Column(length = MAX_AGENT_LENGTH)
    private String userAgent;

    protected LoginSession() {
    }

    public LoginSession(String id, String tokenHash, UserAccount account, Duration lifetime, String ip, String userAgent) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.account = account;
        this.createdAt = Instant.now();
        this.lastUsedAt = createdAt;
        this.expiresAt = createdAt.plus(lifetime);
        this.ip = ip;
        this.userAgent = userAgent == null || userAgent.length() <= MAX_AGENT_LENGTH
                ? userAgent : userAgent.substring(0, MAX_AGENT_LENGTH);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Notes a use; returns whether the row changed. */
    public boolean used(Instant now) {
        if (Duration.between(lastUsedAt, now).compareTo(TOUCH_INTERVAL) < 0) {
            return false;
        }
        lastUsedAt = now;
        return true;
    }

    public String id() {
        return id;
    }

    public UserAccount account() {
        return account;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }
}
