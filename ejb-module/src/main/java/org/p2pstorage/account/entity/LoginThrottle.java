package org.p2pstorage.account.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * The failed logins and codes of one key (an account or an address): how many in a row, and when the last
 * one was. Kept in the database, so that every server sharing it slows the same attacker down, and a
 * restart forgets nothing. The rules are Nextcloud's: every failure doubles the delay before the next
 * attempt is heard (25 ms, 50 ms, ... capped at {@link #MAX_DELAY}); failures older than the quiet window
 * no longer count; an address gets {@value #ADDRESS_GRACE} failures before its delay starts, since many
 * honest users may share one (a NAT, an office).
 */
@Entity
@Table(name = "login_throttle", indexes = @Index(name = "login_throttle_last", columnList = "lastFailure"))
@NamedQueries({
        @NamedQuery(name = LoginThrottle.OF_KEYS, query = "SELECT t FROM LoginThrottle t WHERE t.throttleKey IN :keys"),
        @NamedQuery(name = LoginThrottle.FORGET, query = "DELETE FROM LoginThrottle t WHERE t.throttleKey IN :keys"),
        @NamedQuery(name = LoginThrottle.DELETE_STALE, query = "DELETE FROM LoginThrottle t WHERE t.lastFailure < :staleBefore")})
public class LoginThrottle {

    public static final String OF_KEYS = "LoginThrottle.ofKeys";
    public static final String FORGET = "LoginThrottle.forget";
    public static final String DELETE_STALE = "LoginThrottle.deleteStale";
    public static final Duration MAX_DELAY = Duration.ofSeconds(25);
    public static final int ADDRESS_GRACE = 10;
    /** Longer keys (a login is whatever the client typed) are kept as their SHA-256. */
    public static final int MAX_KEY_LENGTH = 200;
    private static final long BASE_DELAY_MILLIS = 25;
    private static final String ACCOUNT = "account:";
    private static final String ADDRESS = "ip:";

    @Id
    @Column(length = MAX_KEY_LENGTH)
    private String throttleKey;

    @Column(nullable = false)
    private int failures;

    @Column(nullable = false)
    private Instant lastFailure;

    protected LoginThrottle() {
    }

    /** The first failure of a key. */
    public LoginThrottle(String key, Instant now) {
        this.throttleKey = key;
        this.failures = 1;
        this.lastFailure = now;
    }

    /** The key of an account (its username, or the login typed when no account has it). */
    public static String account(String login) {
        return bounded(ACCOUNT, login);
    }

    /** The key of a client's address. */
    public static String address(String ip) {
        return bounded(ADDRESS, ip);
    }

    /** One more failure, or the first of a new series when the last one is older than the window. */
    public void failed(Instant now, Duration window) {
        failures = stale(now, window) ? 1 : failures + 1;
        lastFailure = now;
    }

    /** Whether these failures are older than the window, and so no longer count. */
    public boolean stale(Instant now, Duration window) {
        return lastFailure.plus(window).isBefore(now);
    }

    /** How long this key must still wait before its next attempt is heard (zero or negative: go ahead). */
    public Duration wait(Instant now, Duration window) {
        if (stale(now, window)) {
            return Duration.ZERO;
        }
        return Duration.between(now, lastFailure.plus(delay(throttleKey.startsWith(ADDRESS) ? failures - ADDRESS_GRACE : failures)));
    }

    /** The longest wait of these keys' failures: an attempt is heard only once every key may try again. */
    public static Duration longestWait(Collection<LoginThrottle> throttles, Instant now, Duration window) {
        Duration longest = Duration.ZERO;
        for (LoginThrottle throttle : throttles) {
            Duration left = throttle.wait(now, window);
            if (left.compareTo(longest) > 0) {
                longest = left;
            }
        }
        return longest;
    }

    /** 25 ms doubled with every failure, at most {@link #MAX_DELAY}. */
    static Duration delay(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long millis = failures >= 20 ? MAX_DELAY.toMillis() : BASE_DELAY_MILLIS << failures;
        return Duration.ofMillis(Math.min(millis, MAX_DELAY.toMillis()));
    }

    private static String bounded(String kind, String value) {
        String key = kind + value;
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return kind + "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public String key() {
        return throttleKey;
    }

    public int failures() {
        return failures;
    }

    public Instant lastFailure() {
        return lastFailure;
    }
}
