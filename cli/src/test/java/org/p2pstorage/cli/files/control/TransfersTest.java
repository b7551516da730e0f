package org.p2pstorage.cli.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.p2pstorage.cli.api.control.ApiClient;
import org.p2pstorage.cli.api.control.Fixtures;
import org.p2pstorage.cli.terminal.control.ProgressBar;

class TransfersTest {

    @Test
    void theNewFileIsTheOneThatWasNotThereBeforeWithThisName() {
        JsonArray files = (JsonArray) ApiClient.parse("""
                [{"fileId":"new","name":"a.bin","status":"TRANSFERRING"},{"fileId":"old","name":"a.bin","status":"AVAILABLE"}]""");
        assertEquals("new", Transfers.newFile(files, Set.of("old"), "a.bin"));
        assertNull(Transfers.newFile(files, Set.of("old", "new"), "a.bin"));
        assertNull(Transfers.newFile(files, Set.of("old"), "b.bin"));
    }

    @Test
    void progressComesFromTheServersAcknowledgements() {
        JsonObject progress = (JsonObject) ApiClient.parse("""
                {"fileId":"f","status":"TRANSFERRING","chunksAcknowledged":3,"chunksTotal":8,"bytesAcknowledged":196608,
                "bytesTotal":500000,"percent":37.5,"elapsedMs":1000,"expectedMs":3000,"etaMs":2000,"retransmissions":0}""");
        ProgressBar.State state = Transfers.state(progress, 500000, System.nanoTime() - 1_000_000_000L);
        assertEquals(3, state.chunksDone());
        assertEquals(8, state.chunksTotal());
        assertEquals(196608, state.bytesDone());
        assertEquals(500000, state.bytesTotal());
        assertEquals(2000, state.etaMs());
        assertEquals("chunks", state.unit(), "an older server counts chunks");
    }

    @Test
    void withReplicasTheProgressCountsEveryCopy() {
        ProgressBar.State state = Transfers.state(Fixtures.object("transfer.json"), 500000, System.nanoTime() - 1_000_000_000L);
        assertEquals(7, state.chunksDone());
        assertEquals(16, state.chunksTotal());
        assertEquals("copies", state.unit());
        assertEquals(458752, state.bytesDone());
        assertEquals(1000000, state.bytesTotal(), "network bytes: every copy");
        assertTrue(ProgressBar.render("Uploading video.mp4", state).contains("7/16 copies  448.00KB/976.56KB"),
                ProgressBar.render("Uploading video.mp4", state));
    }

    @Test
    void theNameOfADownloadIsABareFileName() {
        assertEquals("résumé.pdf", Transfers.fileName("attachment; filename=\"r_sum_.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf", "x"));
        assertEquals("a.bin", Transfers.fileName("attachment; filename=\"a.bin\"", "x"));
        assertEquals("passwd", Transfers.fileName("attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd", "x"));
        assertEquals("fallback.bin", Transfers.fileName(null, "fallback.bin"));
    }
}
