package org.p2pstorage.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.p2pstorage.catalog.entity.RunningUpload;

class AbandonedUploadsTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    /** When the server looking started: long before, unless a test says otherwise. */
    private static final Instant SINCE = NOW.minusSeconds(3600);
    private static final AbandonedUploads RULE = new AbandonedUploads(Duration.ofSeconds(30));

    private static RunningUpload upload(String id, String server, Instant started) {
        return new RunningUpload(id, server, started);
    }

    @Test
    void anUploadOfAServerSilentForLongerThanTheGraceIsAbandoned() {
        RunningUpload upload = upload("f1", "server-b", NOW.minusSeconds(120));
        List<RunningUpload> found = RULE.of("server-a", SINCE, List.of(upload),
                Map.of("server-b", NOW.minusSeconds(31)), NOW);
        assertEquals(List.of(upload), found);
    }

    @Test
    void anUploadOfAServerHeardFromWithinTheGraceIsKept() {
        RunningUpload upload = upload("f1", "server-b", NOW.minusSeconds(120));
        assertEquals(List.of(), RULE.of("server-a", SINCE, List.of(upload), Map.of("server-b", NOW.minusSeconds(29)), NOW));
        assertEquals(List.of(), RULE.of("server-a", SINCE, List.of(upload), Map.of("server-b", NOW.minusSeconds(30)), NOW),
                "exactly the grace is not longer than the grace");
    }

    @Test
    void thisServersOwnUploadsAreLeftToItsRestart() {
        RunningUpload mine = upload("f1", "server-a", NOW.minusSeconds(600));
        assertEquals(List.of(), RULE.of("server-a", SINCE, List.of(mine), Map.of("server-a", NOW.minusSeconds(600)), NOW));
    }

    @Test
    void anUploadFromBeforeSeveralServersNamesNoServerAndIsLeftAlone() {
        RunningUpload unknown = upload("f1", null, NOW.minusSeconds(600));
        assertEquals(List.of(), RULE.of("server-a", SINCE, List.of(unknown), Map.of(), NOW));
    }

    @Test
    void aServerTheRegistryNoLongerNamesCountsFromTheStartOfItsUpload() {
        RunningUpload old = upload("f1", "server-c", NOW.minusSeconds(31));
        RunningUpload recent = upload("f2", "server-c", NOW.minusSeconds(5));
        assertEquals(List.of(old), RULE.of("server-a", SINCE, List.of(old, recent), Map.of("server-b", NOW), NOW));
    }

    @Test
    void anUploadStartedAfterItsServerWasLastHeardFromCountsFromItsStart() {
        RunningUpload upload = upload("f1", "server-b", NOW.minusSeconds(10));
        assertEquals(NOW.minusSeconds(10), AbandonedUploads.lastSign(upload, Map.of("server-b", NOW.minusSeconds(60))));
        assertEquals(List.of(), RULE.of("server-a", SINCE, List.of(upload), Map.of("server-b", NOW.minusSeconds(60)), NOW));
    }

    @Test
    void onlyTheSilentServersUploadsAreAbandoned() {
        RunningUpload ofB = upload("f1", "server-b", NOW.minusSeconds(100));
        RunningUpload ofC = upload("f2", "server-c", NOW.minusSeconds(100));
        Map<String, Instant> heard = Map.of("server-b", NOW.minusSeconds(45), "server-c", NOW.minusSeconds(1));
        assertEquals(List.of(ofB), RULE.of("server-a", SINCE, List.of(ofB, ofC), heard, NOW));
    }

    @Test
    void aServerJustStartedGivesTheOthersAFullGraceFromItsStart() {
        RunningUpload upload = upload("f1", "server-b", NOW.minusSeconds(600));
        Map<String, Instant> heard = Map.of("server-b", NOW.minusSeconds(600)); // the whole deployment was down
        assertEquals(List.of(), RULE.of("server-a", NOW.minusSeconds(29), List.of(upload), heard, NOW));
        assertEquals(List.of(), RULE.of("server-a", NOW.minusSeconds(30), List.of(upload), heard, NOW));
        assertEquals(List.of(upload), RULE.of("server-a", NOW.minusSeconds(31), List.of(upload), heard, NOW));
    }

    @Test
    void itLooksAQuarterOfTheGraceApartBetweenOneAndTenSeconds() {
        assertEquals(Duration.ofMillis(7_500), RULE.tick());
        assertEquals(Duration.ofSeconds(1), new AbandonedUploads(Duration.ofSeconds(2)).tick());
        assertEquals(Duration.ofSeconds(10), new AbandonedUploads(Duration.ofMinutes(10)).tick());
    }

    @Test
    void theReasonNamesTheServerAndTheGrace() {
        String reason = RULE.reason(upload("f1", "server-b", NOW));
        assertTrue(reason.contains("server-b") && reason.contains("30 s"), reason);
        assertTrue(new AbandonedUploads(Duration.ofMillis(2_500)).reason(upload("f1", "server-b", NOW)).contains("2500 ms"));
    }

    @Test
    void aGraceMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new AbandonedUploads(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new AbandonedUploads(Duration.ofSeconds(-1)));
    }
}
