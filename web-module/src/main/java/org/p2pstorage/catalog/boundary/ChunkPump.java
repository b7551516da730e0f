package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.integrity.entity.Sha256;

/**
 * Writes one download without a thread that waits: the chunks are booked on the links a few ahead, and
 * each is written once the link model says it has arrived and the client can take more. When the next
 * chunk is not due yet, the managed scheduler wakes the pump at its arrival; when the client is slow, the
 * container wakes it ({@link #onWritePossible}). A chunk with no good copy ends the response short of its
 * {@code Content-Length}, so no client takes wrong bytes for the file.
 */
class ChunkPump implements WriteListener {

    private static final Logger LOG = Logger.getLogger(ChunkPump.class.getName());

    private final Download download;
    private final Downloads downloads;
    private final ManagedScheduledExecutorService scheduler;
    private final AsyncContext async;
    private final ChunkSources chunks;
    private final Downloads.Booked[] booked;
    private final MessageDigest whole = Sha256.digest();
    private ServletOutputStream out;
    private int next;
    private int ahead;
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
                    Optional<Downloads.Fetched> fetched = downloads.fetch(chunks.get(next), booked[next]);
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
