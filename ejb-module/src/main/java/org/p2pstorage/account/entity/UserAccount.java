package org.p2pstorage.account.entity;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A user of the drive: name, e-mail, password hash (PBKDF2, never the password), role and second factor.
 * <p>
 * The account guards the life of its second factor: a new factor is only pending until a valid code
 * confirms it, and a TOTP time step is accepted at most once and never one older than the last accepted
 * (RFC 6238, section 5.2), so a code that was seen once cannot be replayed.
 */
@Entity
@Table(name = "user_account", uniqueConstraints = {
        @UniqueConstraint(name = "user_account_username", columnNames = "username"),
        @UniqueConstraint(name = "user_account_email", columnNames = "email")})
@NamedQueries({
        @NamedQuery(name = UserAccount.BY_LOGIN,
                query = "SELECT a FROM UserAccount a WHERE a.username = :login OR a.email = :login"),
        @NamedQuery(name = UserAccount.BY_NAME, query = "SELECT a FROM UserAccount a WHERE a.username = :username"),
        @NamedQuery(name = UserAccount.TAKEN,
                query = "SELECT a FROM UserAccount a WHERE a.username = :username OR a.email = :email"),
        @NamedQuery(name = UserAccount.COUNT, query = "SELECT COUNT(a) FROM UserAccount a")})
public class UserAccount {

    public static final String BY_LOGIN = "UserAccount.byLogin";
    public static final String BY_NAME = "UserAccount.byName";
    public static final String TAKEN = "UserAccount.taken";
    public static final String COUNT = "UserAccount.count";

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 32)
    private String username;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(nullable = false, length = 200)
    private String passwordHash;

    private boolean admin;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant lastLoginAt;

    @Column(length = 64)
    private String lastLoginIp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, columnDefinition = "varchar(8)")
    private SecondFactor secondFactor;

    /** The active TOTP secret (Base32), for {@link SecondFactor#APP}. */
    @Column(length = 64)
    private String otpSecret;

    @Enumerated(EnumType.STRING)
    @Column(length = 8, columnDefinition = "varchar(8)")
    private SecondFactor pendingFactor;

    @Column(length = 64)
    private String pendingSecret;

    /** The last TOTP time step accepted; no step up to it is accepted again. */
    private long lastOtpStep;

    /** The bytes this user's files may take, set by an admin; null: the default quota. */
    private Long quotaBytes;

    protected UserAccount() {
    }

    public UserAccount(String username, String email, String passwordHash, boolean admin) {
        this.username = normalized(username);
        this.email = normalized(email);
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.secondFactor = SecondFactor.NONE;
        this.createdAt = Instant.now();
    }

    /** Names and e-mail addresses are compared without case and surrounding blanks. */
    public static String normalized(String nameOrEmail) {
        return nameOrEmail == null ? "" : nameOrEmail.strip().toLowerCase(Locale.ROOT);
    }

    public void loggedIn(String ip, Instant at) {
        this.lastLoginAt = at;
        this.lastLoginIp = ip;
    }

    /** Starts setting up a second factor; the current one stays in force until {@link #confirmPending()}. */
    public void beginSecondFactor(SecondFactor factor, String secret) {
        if (factor == SecondFactor.NONE) {
            throw new IllegalArgumentException("NONE is not a second factor to set up");
        }
        this.pendingFactor = factor;
        this.pendingSecret = secret;
    }

    public void confirmPending() {
        if (pendingFactor == null) {
            throw new IllegalStateException("no second factor is being set up");
        }
        this.secondFactor = pendingFactor;
        this.otpSecret = pendingSecret;
        this.pendingFactor = null;
        this.pendingSecret = null;
    }

    public void disableSecondFactor() {
        this.secondFactor = SecondFactor.NONE;
        this.otpSecret = null;
        this.pendingFactor = null;
        this.pendingSecret = null;
    }

    /** Accepts a TOTP time step once: false for a step already used or older than the last one used. */
    public boolean acceptStep(long step) {
        if (step <= lastOtpStep) {
            return false;
        }
        lastOtpStep = step;
        return true;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** An admin's quota for this user; null goes back to the default. */
    public void changeQuota(Long quotaBytes) {
        if (quotaBytes != null && quotaBytes < 0) {
            throw new IllegalArgumentException("a quota cannot be negative");
        }
        this.quotaBytes = quotaBytes;
    }

    public Long quotaBytes() {
        return quotaBytes;
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean admin() {
        return admin;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }

    public String lastLoginIp() {
        return lastLoginIp;
    }

    public SecondFactor secondFactor() {
        return secondFactor;
    }

    public boolean hasSecondFactor() {
        return secondFactor != SecondFactor.NONE;
    }

    public String otpSecret() {
        return otpSecret;
    }

    public SecondFactor pendingFactor() {
        return pendingFactor;
    }

    public String pendingSecret() {
        return pendingSecret;
    }
}
