package org.p2pstorage.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");

    private Throttle throttle() {
        Throttle throttle = new Throttle();
        throttle.windowMinutes = 60;
        return throttle;
    }

    @Test
    void eachFailureDoublesTheWaitUpTo25Seconds() {
        Throttle throttle = throttle();
        assertEquals(Duration.ZERO, throttle.wait(start, "account:a"));
        throttle.failed(start, "account:a");
        assertEquals(Duration.ofMillis(50), throttle.wait(start, "account:a"));
        throttle.failed(start, "account:a");
        assertEquals(Duration.ofMillis(100), throttle.wait(start, "account:a"));
        for (int i = 0; i < 30; i++) {
            throttle.failed(start, "account:a");
        }
        assertEquals(Throttle.MAX_DELAY, throttle.wait(start, "account:a"));
        assertEquals(Duration.ZERO, throttle.wait(start.plus(Throttle.MAX_DELAY), "account:a"),
                "never locked out: after the longest delay the next attempt is heard");
    }

    @Test
    void theLongestWaitOfTheKeysCounts() {
        Throttle throttle = throttle();
        for (int i = 0; i < 8 + Throttle.ADDRESS_GRACE; i++) {
            throttle.failed(start, "ip:10.0.0.1");
        }
        throttle.failed(start, "account:b");
        assertEquals(Duration.ofMillis(25 << 8), throttle.wait(start, "account:b", "ip:10.0.0.1"));
        assertEquals(Duration.ZERO, throttle.wait(start, "account:c", "ip:10.0.0.2"));
    }

    @Test
    void successAndAQuietWindowForgetFailures() {
        Throttle throttle = throttle();
        throttle.failed(start, "account:a", "account:b");
        throttle.succeeded("account:a");
        assertEquals(Duration.ZERO, throttle.wait(start, "account:a"));

        Instant later = start.plus(Duration.ofMinutes(61));
        throttle.failed(later, "account:b");
        assertEquals(Duration.ofMillis(50), throttle.wait(later, "account:b"), "the old failure no longer counts");
        assertTrue(throttle.wait(later.plusSeconds(1), "account:b").isNegative()
                || throttle.wait(later.plusSeconds(1), "account:b").isZero());
    }

    @Test
    void anAddressGetsAFewFailuresBeforeItsDelayAndASuccessDoesNotClearThem() {
        Throttle throttle = throttle();
        for (int i = 0; i < Throttle.ADDRESS_GRACE; i++) {
            throttle.failed(start, "ip:10.0.0.3");
        }
        assertEquals(Duration.ZERO, throttle.wait(start, "ip:10.0.0.3"));
        throttle.failed(start, "ip:10.0.0.3");
        throttle.succeeded("account:own");
        assertEquals(Duration.ofMillis(50), throttle.wait(start, "ip:10.0.0.3"));
    }
}
