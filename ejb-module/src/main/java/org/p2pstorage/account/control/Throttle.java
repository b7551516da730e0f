package org.p2pstorage.account.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Brute-force throttling of logins and codes, after Nextcloud's: every failure for an account or an
 * address doubles the delay before the next attempt is heard (25 ms, 50 ms, ... capped at 25 s). An
 * attempt that comes too early is refused at once with the time left, before any password is checked.
 * An account's failures are forgotten after a quiet window and when it signs in; an address's only
 * after the window, so that an attacker cannot clear their address by signing in to an account of
 * their own between guesses. The delay never exceeds 25 s, so an attacker can slow a real user down
 * but never lock them out. An address gets {@value #ADDRESS_GRACE} failures before its delay starts,
 * since its failures are never cleared by a success and many honest users may share one address (a
 * NAT, an office); an attacker's guesses at any one account are slowed from the first failure on.
 * <p>
 * Kept in memory: a restart forgets it, which costs an attacker no more than a restart costs them.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Throttle {

    public static final Duration MAX_DELAY = Duration.ofSeconds(25);
    private static final long BASE_DELAY_MILLIS = 25;
    private static final int MAX_TRACKED = 100_000;
    static final int ADDRESS_GRACE = 10;
    private static final String ADDRESS = "ip:";

    /** Failures of one key: how many, and when the last one was. */
    record Record(int failures, Instant last) {

        static Duration delay(int failures) {
            if (failures <= 0) {
                return Duration.ZERO;
            }
            long millis = failures >= 20 ? MAX_DELAY.toMillis() : BASE_DELAY_MILLIS << failures;
            return Duration.ofMillis(Math.min(millis, MAX_DELAY.toMillis()));
        }
    }

    private final Map<String, Record> records = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "p2p.throttle.window.minutes", defaultValue = "720")
    long windowMinutes;

    /** How long the keys must still wait before their next attempt is heard (zero: go ahead). */
    public Duration wait(Instant now, String... keys) {
        Duration longest = Duration.ZERO;
        for (String key : keys) {
            Record record = current(key, now);
            if (record != null) {
                Duration delay = Record.delay(key.startsWith(ADDRESS) ? record.failures() - ADDRESS_GRACE : record.failures());
                Duration left = Duration.between(now, record.last().plus(delay));
                if (left.compareTo(longest) > 0) {
                    longest = left;
                }
            }
        }
        return longest;
    }

    public void failed(Instant now, String... keys) {
        if (records.size() > MAX_TRACKED) {
            records.entrySet().removeIf(entry -> stale(entry.getValue(), now));
        }
        for (String key : keys) {
            records.compute(key, (k, old) -> new Record(old == null || stale(old, now) ? 1 : old.failures() + 1, now));
        }
    }

    public void succeeded(String... keys) {
        for (String key : keys) {
            records.remove(key);
        }
    }

    private Record current(String key, Instant now) {
        Record record = records.get(key);
        if (record != null && stale(record, now)) {
            records.remove(key, record);
            return null;
        }
        return record;
    }

    private boolean stale(Record record, Instant now) {
        return record.last().plus(Duration.ofMinutes(windowMinutes)).isBefore(now);
    }

    public static String account(String login) {
        return "account:" + login;
    }

    public static String address(String ip) {
        return ADDRESS + ip;
    }
}
