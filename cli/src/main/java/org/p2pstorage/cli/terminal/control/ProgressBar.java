package org.p2pstorage.cli.terminal.control;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A transfer's progress on one line: bar, percent, chunks acknowledged, bytes, speed and ETA. On a
 * terminal the line is redrawn in place; otherwise (a pipe, a test) only the final state is printed.
 */
public class ProgressBar {

    public static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean live;
    private final String label;
    private String last = "";

    public ProgressBar(PrintWriter out, boolean live, String label) {
        this.out = out;
        this.live = live;
        this.label = label;
    }

    /**
     * One state of a transfer: pieces done of the total ({@code unit}: chunks, or for an upload the copies of
     * the chunks that the nodes acknowledged), bytes, speed and time left.
     */
    public record State(long chunksDone, long chunksTotal, long bytesDone, long bytesTotal, double bytesPerSecond,
                        long etaMs, String unit) {

        public State(long chunksDone, long chunksTotal, long bytesDone, long bytesTotal, double bytesPerSecond, long etaMs) {
            this(chunksDone, chunksTotal, bytesDone, bytesTotal, bytesPerSecond, etaMs, "chunks");
        }
    }

    public static String render(String label, State state) {
        double fraction = state.bytesTotal() > 0 ? Math.min(1.0, (double) state.bytesDone() / state.bytesTotal())
                : state.chunksTotal() > 0 ? Math.min(1.0, (double) state.chunksDone() / state.chunksTotal()) : 0;
        int filled = (int) Math.floor(fraction * WIDTH);
        String bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
        return String.format(Locale.ROOT, "%s [%s] %5.1f%%  %d/%d %s  %s/%s  %s  ETA %s", label, bar,
                fraction * 100, state.chunksDone(), state.chunksTotal(), state.unit(), DataSizes.format(state.bytesDone()),
                DataSizes.format(Math.max(0, state.bytesTotal())), DataSizes.rate(state.bytesPerSecond()),
                DataSizes.duration(state.etaMs()));
    }

    public void update(State state) {
        String line = render(label, state);
        if (live && !line.equals(last)) {
            out.print("\r" + line + "\u001b[K");
            out.flush();
        }
        last = line;
    }

    /** Ends the bar: the last state stays on screen on its own line. */
    public void finish() {
        if (live) {
            out.println();
        } else if (!last.isEmpty()) {
            out.println(last);
        }
        out.flush();
    }

    /** Leaves the line after an interruption or a failure. */
    public void abandon() {
        if (live && !last.isEmpty()) {
            out.println();
            out.flush();
        }
    }
}
