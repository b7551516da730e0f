package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.p2pstorage.catalog.entity.ChunkSource;
import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.integrity.entity.Sha256;

/**
 * Writes one download without a thread that waits: the chunks are booked on the links a few ahead, and
 * each is written once the link model says it has arrived and the client can take more. When the next
 * chunk is not due yet, the managed scheduler wakes the pump at its arrival; when the client is slow, the
 * container wakes it ({@link #onWritePossible}). A chunk with no good copy ends the response short of its
 * {@code Content-Length}, so no client takes wrong bytes for the file.
 * <p>
 * The next few chunks are read from their nodes and checked on the managed executor while the pump
 * writes the one before (a read-ahead): reading and checking a chunk, and hashing and writing it, then
 * run on two cores at once instead of one after the other. Only {@link #READ_AHEAD} chunks are held per
 * download, so a class of downloads stays within a bounded heap.
 */
class ChunkPump implements WriteListener {

    private static final Logger LOG = Logger.getLogger(ChunkPump.class.getName());
    /** How many chunks are read and checked ahead of the one being written. */
    static final int READ_AHEAD = 4;

    private final Download download;
    private final Downloads downloads;
    private final ManagedScheduledExecutorService scheduler;
    private final AsyncContext async;
    private final ChunkSources chunks;
    private final Downloads.Booked[] booked;
    /** The chunks being read ahead, the next one to write first. */
    private final Deque<CompletableFuture<Optional<Downloads.Fetched>>> reading = new ArrayDeque<>();
    private final MessageDigest whole = Sha256.digest();
    private ServletOutputStream out;
    private int next;
    private int ahead;
    private int read;
    private Downloads.Fetched due;
    private boolean done;

    ChunkPump(Download download, Downloads downloads, ManagedScheduledExecutorService scheduler, AsyncContext async) {
        this.download = download;
        this.downloads = downloads;
        this.scheduler = scheduler;
        this.async = async;
        this.chunks = new ChunkSources(downloads, download);
        this.booked = new Downloads.Booked[chunks.size()];
    }

    void start() throws IOException {
        out = async.getResponse().getOutputStream();
        out.setWriteListener(this);
    }

    @Override
    public void onWritePossible() {
        pump();
    }

    @Override
    public void onError(Throwable error) {
        LOG.log(Level.FINE, "download of {0} ended by the client: {1}", new Object[]{download.fileId(), error.toString()});
        finish();
    }

    /** Writes what has arrived while the client takes it; otherwise arranges to be woken. */
    private synchronized void pump() {
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
                        abort("chunk " + next + " has no good copy left");
                        return;
                    }
                    due = fetched.get();
                }
                long wait = due.arrivalNanos() - System.nanoTime();
                if (wait > 0) {
                    scheduler.schedule(this::pump, wait, TimeUnit.NANOSECONDS);
                    return;
                }
                if (!out.isReady()) {
                    return;
                }
                whole.update(due.data());
                out.write(due.data());
                due = null;
                chunks.release(next);
                booked[next] = null;
                next++;
            }
        } catch (IOException | RuntimeException e) {
            abort(e.toString());
        }
    }

    private void bookAhead() {
        for (; ahead < chunks.size() && ahead < next + downloads.window(); ahead++) {
            booked[ahead] = downloads.book(chunks.get(ahead));
        }
    }

    /** Starts reading (and checking) the chunks after the one being written, up to {@link #READ_AHEAD} of those booked. */
    private void readAhead() {
        for (; read < chunks.size() && read < Math.min(ahead, next + READ_AHEAD); read++) {
            ChunkSource chunk = chunks.get(read);
            Downloads.Booked copy = booked[read];
            reading.addLast(CompletableFuture.supplyAsync(() -> downloads.fetch(chunk, copy), scheduler));
        }
    }

    private void complete() {
        if (!Sha256.hex(whole.digest()).equals(download.sha256())) {
            abort("the bytes sent do not match the file's SHA-256");
            return;
        }
        finish();
    }

    /** Ends the response short of its length: the client sees a broken transfer, never wrong bytes. */
    private void abort(String why) {
        LOG.log(Level.SEVERE, "download of {0} stopped: {1}", new Object[]{download.fileId(), why});
        done = true;
        try {
            async.getResponse().getOutputStream().close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a stopped download", e);
        }
        async.complete();
    }

    private void finish() {
        if (!done) {
            done = true;
            async.complete();
        }
    }
}
