package org.p2pstorage.cli.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.api.control.Fixtures;

class FileReportsTest {

    @Test
    void theListHasAHealthColumnAndNeverCallsAnUnreadableFileAvailable() {
        List<String> lines = FileReports.list(Fixtures.array("files-list.json")).lines().toList();
        assertEquals("Files (5)", lines.get(0));
        assertTrue(lines.get(2).matches("File ID +Name +Size +Chunks +Status +Health +Uploaded"), lines.get(2));
        assertEquals("a1b2c3d4e5f60718 notes.pdf        292.97KB  5      AVAILABLE    healthy     2026-11-23T21:40:12Z",
                lines.get(4));
        assertTrue(lines.get(5).matches("b1b2c3d4e5f60718 holiday\\.jpg +683\\.59KB +11 +AVAILABLE +degraded .*"), lines.get(5));
        assertTrue(lines.get(6).matches("c1b2c3d4e5f60718 thesis\\.tex +64\\.00KB +1 +UNAVAILABLE +unavailable .*"), lines.get(6));
        assertTrue(lines.get(7).matches("d1b2c3d4e5f60718 video\\.mp4 +2\\.00MB +32 +TRANSFERRING +- .*"), lines.get(7));
        assertEquals(lines.get(2).indexOf("Health"), lines.get(4).indexOf("healthy"), "columns line up");
    }

    @Test
    void aRecoveredFileIsMarkedWithItsFirstOwner() {
        List<String> lines = FileReports.list(Fixtures.array("files-list.json")).lines().toList();
        assertTrue(lines.get(8).startsWith("e1b2c3d4e5f60718 old.bin*"), lines.get(8));
        assertEquals("* old.bin: recovered from the nodes after a catalog loss; first owner bob", lines.get(lines.size() - 1));
    }

    @Test
    void infoListsEveryCopyOfEveryChunkWithTheChunksHealth() {
        String info = FileReports.info(Fixtures.object("file-details.json"));
        List<String> lines = info.lines().toList();
        assertTrue(lines.contains("Status:  AVAILABLE, 3/3 chunks acknowledged"), info);
        assertTrue(lines.contains("Health:  degraded (1 of 3 chunks below 2 copies; every chunk still has a copy on a live node)"), info);
        assertTrue(lines.contains("Copies:  2 of every chunk, on distinct nodes"), info);
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("Chunk Size")).findFirst().orElseThrow());
        assertTrue(lines.get(header).matches("Chunk +Size +Health +Node +State +SHA-256"), lines.get(header));
        List<String> rows = lines.subList(header + 2, header + 9);
        assertEquals(List.of(
                "0     64.00KB  healthy     Node_01  STORED   0011223344556677…",
                "                           Node_02  STORED",
                "1     64.00KB  degraded    Node_03  OFFLINE  1111223344556677…",
                "                           Node_04  STORED",
                "                           Node_05  PENDING",
                "2     18.48KB  healthy     Node_05  STORED   2211223344556677…",
                "                           Node_01  STORED"), rows);
        assertTrue(lines.contains("Copies per node: Node_01: 2, Node_02: 1, Node_03: 1, Node_04: 1, Node_05: 2"), info);
    }

    @Test
    void infoOfAnUnavailableFileNamesTheChunksWithoutALiveCopy() {
        String info = FileReports.info(Fixtures.object("file-details-unavailable.json"));
        assertTrue(info.contains("Status:  UNAVAILABLE, 2/2 chunks acknowledged"), info);
        assertTrue(info.contains("Health:  unavailable (no copy on a live node of chunk 1: it cannot be downloaded now)"), info);
        assertTrue(info.contains("Origin:  recovered from the nodes after a catalog loss; first owner bob"), info);
        assertFalse(info.contains("Status:  AVAILABLE"), info);
    }

    @Test
    void aChunkMapWithOneCopyPerChunkFromAnOlderServerStillReads() {
        JsonObject file = (JsonObject) ApiClient.parse("""
                {"fileId":"f","name":"a.bin","size":70000,"sha256":"x","chunks":2,"status":"AVAILABLE","chunksAcknowledged":2,
                "chunkMap":[{"index":0,"size":65536,"sha256":"0123456789abcdef0123","node":"Node_01","state":"STORED"},
                {"index":1,"size":4464,"sha256":"1123456789abcdef0123","node":"Node_02","state":"STORED"}]}""");
        String info = FileReports.info(file);
        assertTrue(info.contains("0     64.00KB  -           Node_01  STORED   0123456789abcdef…"), info);
        assertFalse(info.contains("Health:"), "no health from a server that has none: " + info);
        assertEquals("Node_01: 1, Node_02: 1", FileReports.spread(file));
    }
}
