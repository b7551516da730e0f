package org.p2pstorage.account.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.entity.LoginThrottle;

/**
 * Brute-force throttling of logins and codes, after Nextcloud's: every failure for an account or an
 * address doubles the delay before the next attempt is heard (25 ms, 50 ms, ... capped at 25 s). An
 * attempt that comes too early is refused at once with the time left, before any password is checked.
 * An account's failures are forgotten after a quiet window and when it signs in; an address's only
 * after the window, so that an attacker cannot clear their address by signing in to an account of
 * their own between guesses. The delay never exceeds 25 s, so an attacker can slow a real user down
 * but never lock them out. An address gets {@value LoginThrottle#ADDRESS_GRACE} failures before its delay
 * starts, since its failures are never cleared by a success and many honest users may share one address
 * (a NAT, an office); an attacker's guesses at any one account are slowed from the first failure on.
 * <p>
 * The failures are rows of {@link LoginThrottle} in the shared database, so every server sees the same
 * counts and a restart forgets nothing. They are written in transactions of their own
 * ({@link ThrottleWrites}): the refusal that follows a failure rolls the caller's transaction back.
 */
@Stateless
public class Throttle {

    private static final Logger LOG = Logger.getLogger(Throttle.class.getName());
    /** A first failure that lost the race to insert its row is counted on that row: once more is enough. */
    private static final int ATTEMPTS = 3;

    @PersistenceContext
    EntityManager em;

    @EJB
    ThrottleWrites writes;

    @Inject
    @ConfigProperty(name = "p2p.throttle.window.minutes", defaultValue = "720")
    long windowMinutes;

    /** How long the keys must still wait before their next attempt is heard (zero: go ahead). */
    public Duration wait(Instant now, String... keys) {
        List<LoginThrottle> throttles = em.createNamedQuery(LoginThrottle.OF_KEYS, LoginThrottle.class)
                .setParameter("keys", List.of(keys)).getResultList();
        return LoginThrottle.longestWait(throttles, now, window());
    }

    /** Counts a failure for every key; it stays counted whatever becomes of the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void failed(Instant now, String... keys) {
        writes.pruneStale(now.minus(window()));
        for (String key : keys) {
            boolean counted = false;
            for (int attempt = 0; attempt < ATTEMPTS && !counted; attempt++) {
                counted = writes.count(key, now, window());
            }
            if (!counted) {
                LOG.log(Level.WARNING, "a failed attempt could not be counted for a {0} key",
                        key.substring(0, key.indexOf(':')));
            }
        }
    }

    /** Forgets the keys' failures (an account that signed in). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void succeeded(String... keys) {
        writes.forget(keys);
    }

    private Duration window() {
        return Duration.ofMinutes(windowMinutes);
    }

    public static String account(String login) {
        return LoginThrottle.account(login);
    }

    public static String address(String ip) {
        return LoginThrottle.address(ip);
    }
}
