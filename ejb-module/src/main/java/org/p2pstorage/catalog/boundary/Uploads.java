package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.control.Quotas;
import org.p2pstorage.catalog.control.CatalogRepository;
import org.p2pstorage.catalog.control.ChunkDispatch;
import org.p2pstorage.catalog.control.Chunker;
import org.p2pstorage.catalog.control.FileRecords;
import org.p2pstorage.catalog.entity.FileName;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.catalog.entity.TransferProgress;
import org.p2pstorage.catalog.entity.UploadResponse;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.boundary.Network;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.control.LinkClock.Booking;
import org.p2pstorage.transfer.entity.TransferTrack;

/**
 * Uploads: cut the stream into chunks, place each chunk's copies on distinct live nodes, send every copy
 * over the simulated network, and follow the transfer until every copy is acknowledged. This boundary
 * runs outside any transaction on purpose: an upload is a stream of small {@link ChunkDispatch}
 * transactions, one per batch of chunks.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Uploads {

    private static final Logger LOG = Logger.getLogger(Uploads.class.getName());
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    /** Chunks are sent in batches of about this many bytes per transaction. */
    private static final long BATCH_BYTES = 1024 * 1024;

    @Inject
    CatalogRepository catalog;

    @Inject
    ChunkDispatch dispatch;

    @Inject
    FileRecords records;

    @EJB
    Files files;

    @Inject
    Quotas quotas;

    @EJB
    Network network;

    @EJB
    Links links;

    @Inject
    @ConfigProperty(name = "p2p.chunk.size", defaultValue = "64KiB")
    DataSize chunkSize;

    @Inject
    @ConfigProperty(name = "p2p.upload.max", defaultValue = "4GB")
    DataSize maxUpload;

    @Inject
    @ConfigProperty(name = "p2p.replicas", defaultValue = "2")
    int replicas;

    /**
     * Reads the stream to its end, cutting it into chunks and sending each chunk's copies to the live nodes
     * with most room. Returns once every copy is on its way; the file becomes AVAILABLE when all are
     * acknowledged. {@code declaredSize} (or -1 when unknown) lets a file that cannot fit be refused before
     * anything is sent. On any refusal nothing is left behind: no rows, no chunks, no reserved room.
     */
    public UploadResponse upload(String owner, String name, InputStream content, long declaredSize) {
        String fileName = FileName.ofUpload(name);
        if (declaredSize > maxUpload.bytes()) {
            throw new Failure(Failure.Kind.TOO_LARGE, "the file is " + declaredSize
                    + " bytes; the maximum upload size is " + maxUpload.bytes() + " bytes (" + maxUpload + ")");
        }
        quotas.admit(owner, declaredSize);
        int copies = copiesPerChunk();
        if (declaredSize > 0 && declaredSize * copies > network.available()) {
            throw noRoom(declaredSize, copies);
        }
        int size = (int) chunkSize.bytes();
        String fileId = catalog.open(owner, fileName, size, declaredSize, copies).id();
        List<ChunkDispatch.Placed> batch = new ArrayList<>();
        try {
            Chunker.Summary summary = Chunker.split(content, size, maxUpload.bytes(), chunk -> {
                List<String> nodes = network.place(chunk.size(), copies, Set.of());
                if (nodes.isEmpty()) {
                    throw noRoom(declaredSize, copies);
                }
                List<ChunkDispatch.Copy> sent = new ArrayList<>(nodes.size());
                for (String nodeId : nodes) {
                    long holdBack = links.holdBackNanos(nodeId);
                    if (holdBack > 0) {
                        send(fileId, batch);
                        holdOn(holdBack);
                    }
                    Booking booking = links.sendChunk(nodeId, fileId, chunk.index(), chunk.sha256(), chunk.size());
                    sent.add(new ChunkDispatch.Copy(nodeId, booking.arrivalNanos()));
                }
                batch.add(new ChunkDispatch.Placed(chunk, sent));
                if (batch.size() * (long) size >= BATCH_BYTES) {
                    send(fileId, batch);
                }
            });
            send(fileId, batch);
            StoredFile sealed = catalog.seal(fileId, summary);
            records.keep(fileId);
            LOG.log(Level.INFO, "file {0}: {1} bytes in {2} chunks of {3} copies sent",
                    new Object[]{fileId, summary.size(), summary.chunks(), copies});
            return UploadResponse.of(sealed);
        } catch (Failure e) {
            release(batch);
            abandon(fileId, e.getMessage());
            throw e;
        } catch (IOException | RuntimeException e) {
            release(batch);
            abandon(fileId, "the upload was interrupted");
            throw new Failure(Failure.Kind.INVALID, "the upload could not be read to its end", e);
        }
    }

    /** The replication factor, never more than the network has nodes. */
    private int copiesPerChunk() {
        return Math.max(1, Math.min(replicas, network.size()));
    }

    /** Sends the batch in one transaction and empties it; on failure the batch stays for {@link #release}. */
    private void send(String fileId, List<ChunkDispatch.Placed> batch) {
        if (!batch.isEmpty()) {
            dispatch.dispatch(fileId, batch);
            batch.clear();
        }
    }

    /**
     * Flow control, like a TCP window: an upload does not book a link further ahead than the bridge's
     * horizon, so that it reads the body only as fast as the network takes it and a changed link setting
     * governs the next chunks. Only the request's own thread waits here, holding no transaction; chunks on
     * their way to nodes wait in the broker, not in a thread.
     */
    static void holdOn(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                throw new Failure(Failure.Kind.INTERNAL, "interrupted while waiting for the network");
            }
        }
    }

    /** Gives back the room reserved for copies that were placed but never sent. */
    private void release(List<ChunkDispatch.Placed> unsent) {
        unsent.forEach(placed -> placed.copies().forEach(c -> network.release(c.nodeId(), placed.chunk().size())));
        unsent.clear();
    }

    private Failure noRoom(long declaredSize, int copies) {
        String size = declaredSize >= 0 ? DataSize.format(declaredSize) + " in " + copies + " copies does not fit: " : "";
        return new Failure(Failure.Kind.NO_ROOM,
                size + "the network has " + DataSize.format(network.available()) + " free on its live nodes");
    }

    /** Waits until the file leaves TRANSFERRING or the time is up, and tells where it stands. */
    public UploadResponse await(String fileId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        StoredFile file = stored(fileId);
        while (file.status() == FileStatus.TRANSFERRING && System.nanoTime() < deadline) {
            pause();
            file = stored(fileId);
        }
        return UploadResponse.of(file);
    }

    /** How far a file's transfer has got (every copy counts), and what the link model expects of the rest. */
    public TransferProgress progress(String owner, String fileId) {
        StoredFile file = catalog.owned(owner, fileId);
        Optional<TransferTrack> track = links.transfer(fileId);
        long now = System.nanoTime();
        Instant end = file.completedAt() == null ? Instant.now() : file.completedAt();
        long elapsedMs = Duration.between(file.createdAt(), end).toMillis();
        Long expectedMs = track.map(t -> (t.lastArrivalNanos() - t.firstStartNanos()) / 1_000_000).orElse(null);
        long etaMs = file.status() != FileStatus.TRANSFERRING ? 0
                : track.map(t -> Math.max(0, (t.lastArrivalNanos() - now) / 1_000_000)).orElse(0L);
        int chunks = file.expectedChunks();
        int copiesTotal = file.expectedCopies();
        int copiesDone = Math.min(file.acknowledged(), copiesTotal);
        long bytesTotal = file.expectedSize() >= 0 ? file.expectedSize() * file.replicas() : -1;
        long bytesDone = Math.min((long) copiesDone * file.chunkSize(), bytesTotal >= 0 ? bytesTotal : Long.MAX_VALUE);
        double percent = copiesTotal == 0 ? (file.status() == FileStatus.AVAILABLE ? 100 : 0)
                : Math.round(copiesDone * 1000.0 / copiesTotal) / 10.0;
        int chunksDone = file.status() == FileStatus.AVAILABLE ? file.chunkCount()
                : Math.min(chunks, copiesDone / Math.max(1, file.replicas()));
        return new TransferProgress(fileId, file.name(), file.status().name(), chunksDone, chunks, copiesDone,
                copiesTotal, file.replicas(), bytesDone, bytesTotal, percent, elapsedMs, expectedMs, etaMs,
                track.map(TransferTrack::retransmissions).orElse(0));
    }

    /**
     * Gives up an upload: marks it FAILED, waits (bounded) until every copy already sent has been answered,
     * then removes what was stored and the rows. Answers that come later still find no file and have their
     * copy dropped.
     */
    private void abandon(String fileId, String reason) {
        try {
            catalog.fail(fileId, reason);
            long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
            while (!catalog.find(fileId).map(StoredFile::settled).orElse(true) && System.nanoTime() < deadline) {
                pause();
            }
            files.dropChunks(fileId);
            catalog.remove(fileId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "could not clean up the abandoned upload " + fileId);
        }
    }

    private StoredFile stored(String fileId) {
        return Optional.ofNullable(fileId).flatMap(catalog::find)
                .orElseThrow(() -> Failure.notFound("no file with id " + fileId));
    }

    static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(Failure.Kind.INTERNAL, "interrupted while waiting for the network");
        }
    }
}
