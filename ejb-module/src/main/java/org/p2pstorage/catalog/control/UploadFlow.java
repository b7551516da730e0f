package org.p2pstorage.catalog.control;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import org.p2pstorage.catalog.control.Chunker.Chunk;
import org.p2pstorage.catalog.control.Chunker.Summary;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.network.boundary.CopyPlacement;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.control.LinkClock.Booking;

/**
 * One upload on its way to the nodes. Each chunk cut from the client's body goes straight onto the
 * simulated links while they have room within the bridge's horizon (flow control, like a TCP window);
 * once a link is booked that far ahead, the chunk and those after it wait in an {@link UploadBacklog} on
 * disk, and the managed scheduler drains the backlog at the moment the links have room again. So the
 * body is read at the client's speed and no thread waits for simulated time; chunks on their way wait in
 * the broker (scheduled delivery). The file is sealed when its last chunk has been sent; a failure
 * while draining (the network ran out of room) gives the file up through {@code onFailure}.
 */
public final class UploadFlow {

    private static final Logger LOG = Logger.getLogger(UploadFlow.class.getName());
    /** Chunks are sent in batches of about this many bytes per transaction. */
    private static final long BATCH_BYTES = 4 * 1024 * 1024;
    /**
     * At most this many copies of one upload are on their way unanswered: when the links are fast, the
     * nodes' disks and the broker are the bottleneck, and an upload must not pile up more in the broker
     * (which would page it to disk) than the nodes take.
     */
    static final int WINDOW = 256;
    private static final long WINDOW_RECHECK_MS = 5;

    /** What a flow works with. */
    public record Wiring(CopyPlacement placement, NetworkState network, Links links, ChunkDispatch dispatch, CatalogRepository catalog,
                         FileRecords records, UploadWatch watch, ManagedScheduledExecutorService scheduler,
                         Path staging) {
    }

    private final Wiring wiring;
    private final String fileId;
    private final int copies;
    private final long declaredSize;
    private final Consumer<String> onFailure;
    private final List<ChunkDispatch.Placed> batch = new ArrayList<>();
    private long batchBytes;
    private UploadBacklog backlog;
    private Chunk waiting;
    private Summary ended;
    private Failure failed;
    private boolean done;
    private boolean drainScheduled;
    private int copiesSent;
    private int copiesAnswered;

    public UploadFlow(Wiring wiring, String fileId, int copies, long declaredSize, Consumer<String> onFailure) {
        this.wiring = wiring;
        this.fileId = fileId;
        this.copies = copies;
        this.declaredSize = declaredSize;
        this.onFailure = onFailure;
    }

    /** A chunk cut from the body: on the links now if they have room, else behind the others on disk. */
    public synchronized void offer(Chunk chunk) throws IOException {
        if (failed != null) {
            throw failed;
        }
        if (!queued()) {
            awaitWindow();
            long hold = trySend(chunk);
            if (hold == 0) {
                return;
            }
            backlog().append(chunk);
            flush();
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
                    if (windowFull()) {
                        scheduleDrain(TimeUnit.MILLISECONDS.toNanos(WINDOW_RECHECK_MS));
                        return;
                    }
                    Chunk next = waiting != null ? waiting : backlog.take();
                    waiting = null;
                    long hold = trySend(next);
                    if (hold > 0) {
                        waiting = next;
                        flush();
                        scheduleDrain(hold);
                        return;
                    }
                }
                if (ended != null) {
                    seal();
                } else {
                    flush();
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

    /**
     * Places the chunk's copies and books them on their links, unless a link is booked beyond the
     * horizon: then the room is given back and the answer is how long to hold back (0 = sent).
     */
    private long trySend(Chunk chunk) {
        List<String> nodes = wiring.placement().place(chunk.size(), copies, Set.of());
        if (nodes.isEmpty()) {
            throw noRoom();
        }
        long hold = 0;
        for (String nodeId : nodes) {
            hold = Math.max(hold, wiring.links().holdBackNanos(nodeId));
        }
        if (hold > 0) {
            nodes.forEach(nodeId -> wiring.placement().release(nodeId, chunk.size()));
            return hold;
        }
        List<ChunkDispatch.Copy> sent = new ArrayList<>(nodes.size());
        for (String nodeId : nodes) {
            Booking booking = wiring.links().sendChunk(nodeId, fileId, chunk.index(), chunk.sha256(), chunk.size());
            sent.add(new ChunkDispatch.Copy(nodeId, booking.arrivalNanos()));
        }
        batch.add(new ChunkDispatch.Placed(chunk, sent));
        copiesSent += sent.size();
        batchBytes += chunk.size();
        if (batchBytes >= BATCH_BYTES) {
            flush();
        }
        return 0;
    }

    /** Sends the batch in one transaction. */
    private void flush() {
        if (!batch.isEmpty()) {
            wiring.dispatch().dispatch(fileId, batch);
            batch.clear();
            batchBytes = 0;
        }
    }

    private StoredFile seal() {
        flush();
        StoredFile sealed = wiring.catalog().seal(fileId, ended);
        wiring.records().keep(fileId);
        finish();
        wiring.watch().changed(fileId);
        LOG.log(Level.INFO, "file {0}: {1} bytes in {2} chunks of {3} copies sent",
                new Object[]{fileId, ended.size(), ended.chunks(), copies});
        return sealed;
    }

    /** Gives back the room of copies placed but never sent, and drops the backlog. */
    private void finish() {
        done = true;
        batch.forEach(placed -> placed.copies().forEach(c -> wiring.placement().release(c.nodeId(), placed.chunk().size())));
        batch.clear();
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
        while (windowFull()) {
            try {
                wait(WINDOW_RECHECK_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure(Failure.Kind.INTERNAL, "interrupted while the nodes stored the upload");
            }
        }
    }

    /** Whether a window's worth of copies is unanswered (the catalog is asked only when it may be). */
    private boolean windowFull() {
        if (copiesSent - copiesAnswered < WINDOW) {
            return false;
        }
        flush();
        StoredFile file = wiring.catalog().find(fileId).orElse(null);
        if (file == null) {
            return false;
        }
        copiesSent = file.copiesSent();
        copiesAnswered = file.acknowledged() + file.rejected();
        return copiesSent - copiesAnswered >= WINDOW;
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

    private Failure noRoom() {
        String size = declaredSize >= 0
                ? DataSize.format(declaredSize) + " in " + copies + " copies does not fit: " : "";
        return new Failure(Failure.Kind.NO_ROOM,
                size + "the network has " + DataSize.format(wiring.network().available()) + " free on its live nodes");
    }
}
