package org.p2pstorage.account.entity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A login halfway done: the password was right and the second factor is still owed. Stored by the
 * SHA-256 of the challenge the client holds; it ends after a few minutes and is deleted when the login
 * completes. Wrong codes are counted by the throttle, not here, because a refusal rolls back.
 */
@Entity
@Table(name = "login_challenge")
@NamedQuery(name = LoginChallenge.DELETE_EXPIRED, query = "DELETE FROM LoginChallenge c WHERE c.expiresAt < :now")
public class LoginChallenge {

    public static final String DELETE_EXPIRED = "LoginChallenge.deleteExpired";


    @Id
    @Column(length = 64)
    private String challengeHash;

    @ManyToOne(optional = false)
    private UserAccount account;

    @Column(nullable = false)
    private Instant expiresAt;

    protected LoginChallenge() {
    }

    public LoginChallenge(String challengeHash, UserAccount account, Duration lifetime) {
        this.challengeHash = challengeHash;
        this.account = account;
        this.expiresAt = Instant.now().plus(lifetime);
    }

    public boolean usable(Instant now) {
        return now.isBefore(expiresAt);
    }


    public UserAccount account() {
        return account;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
