package org.p2pstorage.cli.terminal.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void showsChunksBytesSpeedAndEta() {
        String line = ProgressBar.render("Uploading a.bin", new ProgressBar.State(64, 128, 4 << 20, 8 << 20, 1 << 20, 4000));
        assertEquals("Uploading a.bin [" + "█".repeat(15) + "░".repeat(15) + "]  50.0%  64/128 chunks  4.00MB/8.00MB  1.00MB/s  ETA 0:04", line);
    }

    @Test
    void aFullBarAndAnEmptyFile() {
        assertTrue(ProgressBar.render("x", new ProgressBar.State(3, 3, 100, 100, 10, 0)).contains("[" + "█".repeat(30) + "] 100.0%"));
        assertTrue(ProgressBar.render("x", new ProgressBar.State(0, 0, 0, 0, 0, 0)).contains("[" + "░".repeat(30) + "]   0.0%"));
    }

    @Test
    void redrawsInPlaceOnATerminalAndPrintsOnlyTheEndElsewhere() {
        StringWriter live = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(live), true, "u");
        bar.update(new ProgressBar.State(1, 2, 1, 2, 1, 1000));
        bar.update(new ProgressBar.State(2, 2, 2, 2, 1, 0));
        bar.finish();
        assertEquals(2, live.toString().chars().filter(c -> c == '\r').count());
        assertTrue(live.toString().endsWith(System.lineSeparator()));

        StringWriter piped = new StringWriter();
        ProgressBar quiet = new ProgressBar(new PrintWriter(piped), false, "u");
        quiet.update(new ProgressBar.State(1, 2, 1, 2, 1, 1000));
        quiet.update(new ProgressBar.State(2, 2, 2, 2, 1, 0));
        quiet.finish();
        assertEquals(1, piped.toString().lines().count());
        assertTrue(piped.toString().contains("2/2 chunks"));
        assertTrue(!piped.toString().contains("\r"));
    }
}
