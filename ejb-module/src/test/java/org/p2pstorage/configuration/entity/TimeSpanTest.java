package org.p2pstorage.configuration.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TimeSpanTest {

    @Test
    void readsTheWaysPeopleWriteTime() {
        assertEquals(Duration.ofSeconds(300), TimeSpan.parse("300").duration());
        assertEquals(Duration.ofSeconds(90), TimeSpan.parse("90s").duration());
        assertEquals(Duration.ofMinutes(5), TimeSpan.parse("5m").duration());
        assertEquals(Duration.ofHours(2), TimeSpan.parse(" 2h ").duration());
        assertEquals(Duration.ofMillis(500), TimeSpan.parse("500ms").duration());
        assertEquals(Duration.ofMinutes(5), TimeSpan.parse("PT5M").duration());
        assertEquals(Duration.ofMinutes(5), TimeSpan.parse("pt5m").duration());
    }

    @Test
    void nonsenseIsRefusedWithTheFormsItTakes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSpan.parse("soon"));
        assertEquals("not a length of time: 'soon' (say 300, 90s, 5m, 2h or PT5M)", e.getMessage());
    }
}
