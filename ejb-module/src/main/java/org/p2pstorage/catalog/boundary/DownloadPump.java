package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.p2pstorage.catalog.entity.ChunkSource;
import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.integrity.entity.Sha256;

/**
 * Moves one download to a client without a thread that waits, whatever carries it (an HTTP response, a
 * gRPC stream): the chunks are booked on the links a few ahead, and each is handed to the {@link Sink} once
 * the link model says it has arrived and the client can take more. When the next chunk is not due yet, the
 * scheduler wakes the pump at its arrival; when the client is slow, its transport wakes it ({@link #pump}
 * from its ready callback).
 * <p>
 * The next few chunks are read from their nodes and checked on the scheduler's threads while the pump
 * hands on the one before (a read-ahead), so reading and checking, and hashing and writing, run on two
 * cores at once. At most {@link #READ_AHEAD} chunks are held per download, and beyond the next
 * {@link #ALWAYS_AHEAD} only those the link model delivers within {@link #SOON_NANOS}: an unthrottled download
 * keeps the disks and cores busy, while a class of throttled downloads, whose chunks arrive a second apart,
 * holds two chunks each, so it stays within a bounded heap. A chunk with no good copy, or bytes that do not match the file's SHA-256, stop the
 * download through {@link Sink#failed}: the transport ends it short, so no client takes wrong bytes.
 */
public final class DownloadPump {

    private static final Logger LOG = Logger.getLogger(DownloadPump.class.getName());
    /** At most this many chunks are read and checked ahead of the one being handed on. */
    static final int READ_AHEAD = 16;
    /** This many are read ahead whenever they arrive; those after them only when they arrive soon. */
    static final int ALWAYS_AHEAD = 2;
    /** What "soon" is for the read-ahead: a throttled link's chunk due later is read when it nears. */
    static final long SOON_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Where the bytes go: a transport that says when it can take more. */
    public interface Sink {

        /** Whether the client can take a chunk now; when not, the transport calls {@link #pump} once it can. */
        boolean ready();

        void write(byte[] data) throws IOException;

        /** Every byte was handed on and matched the file's SHA-256. */
        void completed();

        /** The download stopped short; {@code why} is for the log and the client. */
        void failed(String why);
    }

    private final Download download;
    private final Downloads downloads;
    private final ScheduledExecutorService scheduler;
    private final Sink sink;
    private final ChunkSources chunks;
    private final Downloads.Booked[] booked;
    /** The chunks being read ahead, the next one to hand on first. */
    private final Deque<CompletableFuture<Optional<Downloads.Fetched>>> reading = new ArrayDeque<>();
    private final MessageDigest whole = Sha256.digest();
    private int next;
    private int ahead;
    private int read;
    private Downloads.Fetched due;
    private boolean done;

    /** {@code downloads}: the boundary as the container hands it out. */
    public DownloadPump(Download download, Downloads downloads, ScheduledExecutorService scheduler, Sink sink) {
        this.download = download;
        this.downloads = downloads;
        this.scheduler = scheduler;
        this.sink = sink;
        this.chunks = new ChunkSources(downloads, download);
        this.booked = new Downloads.Booked[chunks.size()];
    }

    /** Hands on what has arrived while the client takes it; otherwise arranges to be woken. */
    public synchronized void pump() {
        try {
            while (!done) {
                if (next == chunks.size()) {
                    complete();
                    return;
                }
                if (due == null) {
                    bookAhead();
                    readAhead();
                    CompletableFuture<Optional<Downloads.Fetched>> reads = reading.peekFirst();
                    if (!reads.isDone()) {
                        reads.whenCompleteAsync((fetched, error) -> pump(), scheduler);
                        return;
                    }
                    Optional<Downloads.Fetched> fetched = reading.removeFirst().join();
                    if (fetched.isEmpty()) {
                        fail("chunk " + next + " has no good copy left");
                        return;
                    }
                    due = fetched.get();
                }
                long wait = due.arrivalNanos() - System.nanoTime();
                if (wait > 0) {
                    scheduler.schedule(this::pump, wait, TimeUnit.NANOSECONDS);
                    return;
                }
                if (!sink.ready()) {
                    return;
                }
                whole.update(due.data());
                sink.write(due.data());
                due = null;
                chunks.release(next);
                booked[next] = null;
                next++;
            }
        } catch (IOException | RuntimeException e) {
            fail(e.toString());
        }
    }

    /**
     * The client went away: nothing more is handed on (reads already started finish and are dropped).
     * Returns whether this stopped the download (false when it had ended already).
     */
    public synchronized boolean cancel() {
        if (done) {
            return false;
        }
        LOG.log(Level.FINE, "download of {0} ended by the client", download.fileId());
        done = true;
        return true;
    }

    private void bookAhead() {
        for (; ahead < chunks.size() && ahead < next + downloads.window(); ahead++) {
            booked[ahead] = downloads.book(chunks.get(ahead));
        }
    }

    /**
     * Starts reading (and checking) the chunks after the one being handed on: the next {@link #ALWAYS_AHEAD} of
     * those booked, and up to {@link #READ_AHEAD} while they arrive within {@link #SOON_NANOS}.
     */
    private void readAhead() {
        long soon = System.nanoTime() + SOON_NANOS;
        for (; read < chunks.size() && read < Math.min(ahead, next + READ_AHEAD); read++) {
            if (read >= next + ALWAYS_AHEAD && booked[read].arrivalNanos() > soon) {
                return; // read when the pump wakes nearer its arrival
            }
            ChunkSource chunk = chunks.get(read);
            Downloads.Booked copy = booked[read];
            // a chunk on a node hosted here is read on the scheduler's thread; one hosted elsewhere arrives as a reply
            reading.addLast(CompletableFuture.supplyAsync(() -> downloads.fetch(chunk, copy), scheduler).thenCompose(f -> f));
        }
    }

    private void complete() {
        if (!Sha256.hex(whole.digest()).equals(download.sha256())) {
            fail("the bytes sent do not match the file's SHA-256");
            return;
        }
        done = true;
        sink.completed();
    }

    private void fail(String why) {
        LOG.log(Level.SEVERE, "download of {0} stopped: {1}", new Object[]{download.fileId(), why});
        done = true;
        sink.failed(why);
    }
}
