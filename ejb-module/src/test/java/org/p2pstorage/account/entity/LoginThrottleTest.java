package org.p2pstorage.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The throttle's rules on its rows, as the servers apply them: failures counted per key, waits read from the rows. */
class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(60);
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    /** The table: one row per key, as ThrottleWrites keeps it. */
    private final Map<String, LoginThrottle> rows = new HashMap<>();

    private void failed(Instant now, String... keys) {
        for (String key : keys) {
            LoginThrottle row = rows.get(key);
            if (row == null) {
                rows.put(key, new LoginThrottle(key, now));
            } else {
                row.failed(now, WINDOW);
            }
        }
    }

    private void succeeded(String key) {
        rows.remove(key);
    }

    private Duration waitFor(Instant now, String... keys) {
        List<LoginThrottle> found = Stream.of(keys).map(rows::get).filter(row -> row != null).toList();
        return LoginThrottle.longestWait(found, now, WINDOW);
    }

    @Test
    void eachFailureDoublesTheWaitUpTo25Seconds() {
        String account = LoginThrottle.account("a");
        assertEquals(Duration.ZERO, waitFor(start, account));
        failed(start, account);
        assertEquals(Duration.ofMillis(50), waitFor(start, account));
        failed(start, account);
        assertEquals(Duration.ofMillis(100), waitFor(start, account));
        for (int i = 0; i < 30; i++) {
            failed(start, account);
        }
        assertEquals(32, rows.get(account).failures());
        assertEquals(LoginThrottle.MAX_DELAY, waitFor(start, account));
        assertEquals(Duration.ZERO, waitFor(start.plus(LoginThrottle.MAX_DELAY), account),
                "never locked out: after the longest delay the next attempt is heard");
    }

    @Test
    void theLongestWaitOfTheKeysCounts() {
        String address = LoginThrottle.address("10.0.0.1");
        for (int i = 0; i < 8 + LoginThrottle.ADDRESS_GRACE; i++) {
            failed(start, address);
        }
        failed(start, LoginThrottle.account("b"));
        assertEquals(Duration.ofMillis(25 << 8), waitFor(start, LoginThrottle.account("b"), address));
        assertEquals(Duration.ZERO, waitFor(start, LoginThrottle.account("c"), LoginThrottle.address("10.0.0.2")));
    }

    @Test
    void successAndAQuietWindowForgetFailures() {
        failed(start, LoginThrottle.account("a"), LoginThrottle.account("b"));
        succeeded(LoginThrottle.account("a"));
        assertEquals(Duration.ZERO, waitFor(start, LoginThrottle.account("a")));

        Instant later = start.plus(WINDOW).plusSeconds(60);
        assertTrue(rows.get(LoginThrottle.account("b")).stale(later, WINDOW), "pruned at the next failure");
        assertEquals(Duration.ZERO, waitFor(later, LoginThrottle.account("b")), "a stale row asks no wait");
        failed(later, LoginThrottle.account("b"));
        assertEquals(1, rows.get(LoginThrottle.account("b")).failures(), "the old failure no longer counts");
        assertEquals(Duration.ofMillis(50), waitFor(later, LoginThrottle.account("b")));
        Duration after = waitFor(later.plusSeconds(1), LoginThrottle.account("b"));
        assertTrue(after.isNegative() || after.isZero());
    }

    @Test
    void aRowAtTheEdgeOfTheWindowStillCounts() {
        failed(start, LoginThrottle.account("d"));
        assertFalse(rows.get(LoginThrottle.account("d")).stale(start.plus(WINDOW), WINDOW));
        failed(start.plus(WINDOW), LoginThrottle.account("d"));
        assertEquals(2, rows.get(LoginThrottle.account("d")).failures());
    }

    @Test
    void anAddressGetsAFewFailuresBeforeItsDelayAndASuccessDoesNotClearThem() {
        String address = LoginThrottle.address("10.0.0.3");
        for (int i = 0; i < LoginThrottle.ADDRESS_GRACE; i++) {
            failed(start, address);
        }
        assertEquals(Duration.ZERO, waitFor(start, address));
        failed(start, address);
        succeeded(LoginThrottle.account("own"));
        assertEquals(Duration.ofMillis(50), waitFor(start, address));
    }

    @Test
    void aLongLoginIsKeptAsItsDigestWithinTheColumn() {
        String typed = "x".repeat(10_000);
        String key = LoginThrottle.account(typed);
        assertTrue(key.length() <= LoginThrottle.MAX_KEY_LENGTH, key);
        assertTrue(key.startsWith("account:sha256:"), key);
        assertEquals(key, LoginThrottle.account(typed), "the same login gives the same key");
        assertFalse(key.equals(LoginThrottle.account(typed + "y")));
        assertEquals("account:alice", LoginThrottle.account("alice"));
        assertEquals("ip:10.0.0.4", LoginThrottle.address("10.0.0.4"));
        String address = LoginThrottle.address("y".repeat(500));
        assertTrue(address.startsWith("ip:sha256:"), "an address keeps its kind, and its grace");
    }
}
