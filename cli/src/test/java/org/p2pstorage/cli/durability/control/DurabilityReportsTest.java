package org.p2pstorage.cli.durability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.api.control.Fixtures;

class DurabilityReportsTest {

    static final Instant NOW = Instant.parse("2026-11-23T21:40:54Z");

    @Test
    void theRepairStatusTellsWhatIsAtRiskWhatMovesAndWhen() {
        String report = DurabilityReports.repair(Fixtures.object("repair.json"), NOW);
        List<String> lines = report.lines().toList();
        assertEquals("Repair: 2 copies of every chunk; a stopped node's copies are replaced after 5:00; repair may use 50% of each link",
                lines.get(0));
        assertTrue(lines.contains("Chunks at risk:   12 (each still has a live copy)"), report);
        assertTrue(lines.contains("Copies missing:   12, 4 on their way"), report);
        assertTrue(lines.contains("Bytes to move:    768.00KB"), report);
        assertTrue(lines.contains("Bytes moved:      128.00KB (2 copies repaired)"), report);
        assertTrue(lines.contains("Bad copies found: 1"), report);
        assertTrue(lines.contains("ETA:              0:06 (link model)"), report);
        assertTrue(lines.contains("Last repair:      8 copies, 512.00KB in 3.1 s (link model 3.0 s), done 2026-11-23 20:00:03Z"), report);
    }

    @Test
    void perNodeItsStateSinceWhenItIsDownAndWhenRepairStarts() {
        List<String> lines = DurabilityReports.repair(Fixtures.object("repair.json"), NOW).lines().toList();
        String header = lines.stream().filter(l -> l.startsWith("Node ID")).findFirst().orElseThrow();
        assertTrue(header.matches("Node ID +State +Down since +Repair starts at +Copies lost +Bytes in +Bytes out"), header);
        assertTrue(lines.stream().anyMatch(l -> l.matches("Node_01 +READY +- +- +0 +64\\.00KB +0B")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "Node_03 +STOPPED +2026-11-23 21:40:12Z +21:45:12Z \\(in 4:19\\) +12 +0B +64\\.00KB")), String.join("\n", lines));
        assertEquals(header.indexOf("Copies lost"), lines.get(lines.size() - 2).indexOf(" 12 ") + 1, "columns line up");
    }

    @Test
    void aRepairThatHasBegunSaysSo() {
        assertEquals("21:45:12Z (started)", DurabilityReports.startsAt("2026-11-23T21:45:12Z", Instant.parse("2026-11-23T21:46:00Z")));
        assertEquals("-", DurabilityReports.startsAt(null, NOW));
    }

    @Test
    void nothingAtRiskReadsAsFullStrength() {
        JsonObject calm = (JsonObject) ApiClient.parse("""
                {"replicas":2,"graceSeconds":2,"share":0.25,"chunksAtRisk":0,"chunksUnavailable":0,"copiesMissing":0,
                "bytesToMove":0,"bytesMoved":0,"copiesRepaired":0,"copiesInFlight":0,"etaMs":0,"nodes":[]}""");
        String report = DurabilityReports.repair(calm, NOW);
        assertTrue(report.contains("replaced after 0:02; repair may use 25% of each link"), report);
        assertTrue(report.contains("Chunks at risk:   0 (every chunk at full strength)"), report);
    }

    @Test
    void chunksWithNoLiveCopyAreCounted() {
        JsonObject bad = (JsonObject) ApiClient.parse("""
                {"replicas":2,"chunksAtRisk":5,"chunksUnavailable":2}""");
        assertTrue(DurabilityReports.repair(bad, NOW).contains("Chunks at risk:   5 (2 with no copy on a live node)"));
    }

    @Test
    void theScrubberShowsItsPassAndWhatItFound() {
        List<String> lines = DurabilityReports.scrub(Fixtures.object("scrub.json")).lines().toList();
        assertEquals(List.of(
                "Scrubbing: every copy on every live node re-read at 1.00MB/s and checked against its SHA-256",
                "Current pass:     running, 120/400 chunks (30.0%)",
                "Full passes:      3, the last started 2026-11-23 20:00:00Z, completed 2026-11-23 20:06:40Z",
                "Chunks verified:  1320",
                "Errors found:     1, repaired 1"), lines);
    }

    @Test
    void anIdleScrubberWithoutAPassYet() {
        JsonObject idle = (JsonObject) ApiClient.parse("""
                {"bytesPerSecond":1048576,"running":false,"passes":0,"chunksVerified":0,"errorsFound":0,"errorsRepaired":0}""");
        String report = DurabilityReports.scrub(idle);
        assertTrue(report.contains("Current pass:     not running"), report);
        assertTrue(report.contains("Full passes:      0, the last started -, completed -"), report);
    }

    @Test
    void aRebuildReportsWhatItChanged() {
        List<String> lines = DurabilityReports.rebuild(Fixtures.object("rebuild.json")).lines().toList();
        assertEquals("Catalog reconciled with the nodes' manifests at 2026-11-23 21:50:00Z:", lines.get(0));
        assertTrue(lines.contains("Files recovered:  3 (files on the nodes the catalog lacked)"), lines.toString());
        assertTrue(lines.contains("Chunks adopted:   40 (copies on disk added to the chunk map)"), lines.toString());
        assertTrue(lines.contains("Orphans removed:  2 (chunk files no file claims)"), lines.toString());
        assertTrue(lines.contains("Copies dropped:   1 (listed, but on no node: repair replaces them)"), lines.toString());
        assertTrue(lines.contains("Files incomplete: 0 (some chunk on no node)"), lines.toString());
    }
}
