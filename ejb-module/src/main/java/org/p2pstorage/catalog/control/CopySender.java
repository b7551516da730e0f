package org.p2pstorage.catalog.control;

import java.util.ArrayList;
import java.util.List;

import org.p2pstorage.catalog.control.Chunker.Chunk;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.failure.entity.Failure;

/**
 * Sends one upload's chunks: places each chunk's copies, books them on their links unless a link is booked
 * beyond the horizon, and dispatches them in batches of one transaction each; it counts the copies on their
 * way unanswered, so that the upload keeps within its window. Split from {@link UploadFlow}, which decides
 * when a chunk is offered (flow control, the backlog); used only under the flow's lock.
 */
final class CopySender {

    /** Chunks are sent in batches of about this many bytes per transaction. */
    private static final long BATCH_BYTES = 4 * 1024 * 1024;
    /**
     * At most this many copies of one upload are on their way unanswered: when the links are fast, the
     * nodes' disks and the broker are the bottleneck, and an upload must not pile up more in the broker
     * (which would page it to disk) than the nodes take.
     */
    static final int WINDOW = 256;

    private final CopyRoute route;
    private final ChunkDispatch dispatch;
    private final CatalogRepository catalog;
    private final String fileId;
    private final int copies;
    private final long declaredSize;
    private final List<ChunkDispatch.Placed> batch = new ArrayList<>();
    private long batchBytes;
    private int copiesSent;
    private int copiesAnswered;

    CopySender(CopyRoute route, ChunkDispatch dispatch, CatalogRepository catalog, String fileId, int copies,
               long declaredSize) {
        this.route = route;
        this.dispatch = dispatch;
        this.catalog = catalog;
        this.fileId = fileId;
        this.copies = copies;
        this.declaredSize = declaredSize;
    }

    /**
     * Places the chunk's copies and books them on their links, unless a link is booked beyond the
     * horizon: then the room is given back and the answer is how long to hold back (0 = sent).
     */
    long trySend(Chunk chunk) {
        List<String> nodes = route.place(chunk.size(), copies);
        if (nodes.isEmpty()) {
            throw noRoom();
        }
        long hold = 0;
        for (String nodeId : nodes) {
            hold = Math.max(hold, route.holdBackNanos(nodeId));
        }
        if (hold > 0) {
            nodes.forEach(nodeId -> route.release(nodeId, chunk.size()));
            return hold;
        }
        List<ChunkDispatch.Copy> sent = new ArrayList<>(nodes.size());
        for (String nodeId : nodes) {
            sent.add(new ChunkDispatch.Copy(nodeId, route.send(nodeId, fileId, chunk)));
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
    void flush() {
        if (!batch.isEmpty()) {
            dispatch.dispatch(fileId, batch);
            batch.clear();
            batchBytes = 0;
        }
    }

    /** Gives back the room of copies placed but never sent. */
    void releaseUnsent() {
        batch.forEach(placed -> placed.copies().forEach(c -> route.release(c.nodeId(), placed.chunk().size())));
        batch.clear();
    }

    /** Whether a window's worth of copies is unanswered (the catalog is asked only when it may be). */
    boolean windowFull() {
        if (copiesSent - copiesAnswered < WINDOW) {
            return false;
        }
        flush();
        StoredFile file = catalog.find(fileId).orElse(null);
        if (file == null) {
            return false;
        }
        copiesSent = file.copiesSent();
        copiesAnswered = file.acknowledged() + file.rejected();
        return copiesSent - copiesAnswered >= WINDOW;
    }

    private Failure noRoom() {
        String size = declaredSize >= 0
                ? DataSize.format(declaredSize) + " in " + copies + " copies does not fit: " : "";
        return new Failure(Failure.Kind.NO_ROOM,
                size + "the network has " + DataSize.format(route.available()) + " free on its live nodes");
    }
}
