package org.p2pstorage.catalog.control;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import org.p2pstorage.catalog.control.Chunker.Chunk;
import org.p2pstorage.catalog.control.Chunker.Summary;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.failure.entity.Failure;

/**
 * One upload on its way to the nodes. Each chunk cut from the client's body goes straight onto the
 * simulated links while they have room within the bridge's horizon (flow control, like a TCP window);
 * once a link is booked that far ahead, the chunk and those after it wait in an {@link UploadBacklog} on
 * disk, and the managed scheduler drains the backlog at the moment the links have room again. So the
 * body is read at the client's speed and no thread waits for simulated time; chunks on their way wait in
 * the broker (scheduled delivery). The file is sealed when its last chunk has been sent; a failure
 * while draining (the network ran out of room) gives the file up through {@code onFailure}.
 * <p>
 * This class is the flow control; placing, booking and dispatching each chunk's copies is the
 * {@link CopySender}'s job, and what the other features do for an upload comes in as a {@link CopyRoute}
 * from the boundary that starts it.
 */
public final class UploadFlow {

    private static final Logger LOG = Logger.getLogger(UploadFlow.class.getName());
    private static final long WINDOW_RECHECK_MS = 5;

    /** What a flow works with; the {@code route} to the nodes is made by the boundary that starts the upload. */
    public record Wiring(CopyRoute route, ChunkDispatch dispatch, CatalogRepository catalog, UploadWatch watch,
                         ManagedScheduledExecutorService scheduler, Path staging) {
    }

    private final Wiring wiring;
    private final String fileId;
    private final int copies;
    private final Consumer<String> onFailure;
    private final CopySender sender;
    private UploadBacklog backlog;
    private Chunk waiting;
    private Summary ended;
    private Failure failed;
    private boolean done;
    private boolean drainScheduled;

    public UploadFlow(Wiring wiring, String fileId, int copies, long declaredSize, Consumer<String> onFailure) {
        this.wiring = wiring;
        this.fileId = fileId;
        this.copies = copies;
        this.onFailure = onFailure;
        this.sender = new CopySender(wiring.route(), wiring.dispatch(), wiring.catalog(), fileId, copies, declaredSize);
    }

    /** A chunk cut from the body: on the links now if they have room, else behind the others on disk. */
    public synchronized void offer(Chunk chunk) throws IOException {
        if (failed != null) {
            throw failed;
        }
        if (!queued()) {
            awaitWindow();
            long hold = sender.trySend(chunk);
            if (hold == 0) {
                return;
            }
            backlog().append(chunk);
            sender.flush();
            scheduleDrain(hold);
            return;
        }
        backlog().append(chunk);
    }

    /**
     * The body has been read to its end. Returns the sealed file when everything is already on its way,
     * else null: the backlog still drains, and seals the file when it is empty.
     */
    public synchronized StoredFile end(Summary summary) {
        if (failed != null) {
            throw failed;
        }
        ended = summary;
        return queued() ? null : seal();
    }

    /** Stops the flow from the body's side (the body could not be read): gives back unsent room, drops the backlog. */
    public synchronized boolean stop() {
        boolean stoppedBefore = done;
        finish();
        return stoppedBefore;
    }

    /** Runs on the scheduler: sends waiting chunks as far as the links' horizon allows, then waits again. */
    void drain() {
        synchronized (this) {
            drainScheduled = false;
            if (done) {
                return;
            }
            try {
                while (queued()) {
                    if (sender.windowFull()) {
                        scheduleDrain(TimeUnit.MILLISECONDS.toNanos(WINDOW_RECHECK_MS));
                        return;
                    }
                    Chunk next = waiting != null ? waiting : backlog.take();
                    waiting = null;
                    long hold = sender.trySend(next);
                    if (hold > 0) {
                        waiting = next;
                        sender.flush();
                        scheduleDrain(hold);
                        return;
                    }
                }
                if (ended != null) {
                    seal();
                } else {
                    sender.flush();
                }
            } catch (Failure e) {
                giveUp(e);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "the upload of " + fileId + " could not go on");
                giveUp(new Failure(Failure.Kind.INTERNAL, "the upload could not be sent to the nodes", e));
            }
        }
    }

    private void giveUp(Failure failure) {
        failed = failure;
        finish();
        onFailure.accept(failure.getMessage());
    }

    private StoredFile seal() {
        sender.flush();
        StoredFile sealed = wiring.catalog().seal(fileId, ended);
        wiring.route().sealed(fileId);
        finish();
        wiring.watch().changed(fileId);
        LOG.log(Level.INFO, "file {0}: {1} bytes in {2} chunks of {3} copies sent",
                new Object[]{fileId, ended.size(), ended.chunks(), copies});
        return sealed;
    }

    /** Gives back the room of copies placed but never sent, and drops the backlog. */
    private void finish() {
        done = true;
        sender.releaseUnsent();
        waiting = null;
        if (backlog != null) {
            try {
                backlog.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, e, () -> "could not delete the backlog of " + fileId);
            }
            backlog = null;
        }
    }

    /**
     * Waits, on the body's thread, while the upload has a window's worth of copies unanswered: the nodes
     * are working on them (real disk and broker work, not simulated time), and the client's body waits in
     * its TCP connection meanwhile.
     */
    private void awaitWindow() {
        while (sender.windowFull()) {
            try {
                wait(WINDOW_RECHECK_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure(Failure.Kind.INTERNAL, "interrupted while the nodes stored the upload");
            }
        }
    }

    private boolean queued() {
        return waiting != null || (backlog != null && backlog.pending() > 0);
    }

    private UploadBacklog backlog() throws IOException {
        if (backlog == null) {
            backlog = UploadBacklog.create(wiring.staging(), fileId);
        }
        return backlog;
    }

    private void scheduleDrain(long nanos) {
        if (!drainScheduled) {
            drainScheduled = true;
            wiring.scheduler().schedule(this::drain, nanos, TimeUnit.NANOSECONDS);
        }
    }
}
