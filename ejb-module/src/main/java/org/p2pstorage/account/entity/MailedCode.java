package org.p2pstorage.account.entity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A six-digit code sent by e-mail: salted SHA-256 only, valid a few minutes and used once (wrong tries
 * are slowed down by the throttle). An account has at most one at a time; a new one replaces it.
 */
@Entity
@Table(name = "mailed_code")
@NamedQueries({
        @NamedQuery(name = MailedCode.OF_ACCOUNT, query = "SELECT c FROM MailedCode c WHERE c.account = :account"),
        @NamedQuery(name = MailedCode.DELETE_OF_ACCOUNT, query = "DELETE FROM MailedCode c WHERE c.account = :account")})
public class MailedCode {

    public static final String OF_ACCOUNT = "MailedCode.ofAccount";
    public static final String DELETE_OF_ACCOUNT = "MailedCode.deleteOfAccount";

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(optional = false)
    private UserAccount account;

    @Embedded
    private CodeDigest digest;

    @Column(nullable = false)
    private Instant expiresAt;

    protected MailedCode() {
    }

    public MailedCode(UserAccount account, String code, Duration lifetime) {
        this.account = account;
        this.digest = CodeDigest.of(code);
        this.expiresAt = Instant.now().plus(lifetime);
    }

    public boolean usable(Instant now) {
        return now.isBefore(expiresAt);
    }


    /** The code is right and still valid. */
    public boolean accepts(String code, Instant now) {
        return usable(now) && digest.matches(code);
    }
}
