package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.boundary.UploadAdmission;
import org.p2pstorage.catalog.control.CatalogRepository;
import org.p2pstorage.catalog.control.ChunkDispatch;
import org.p2pstorage.catalog.control.Chunker;
import org.p2pstorage.catalog.control.UploadFlow;
import org.p2pstorage.catalog.control.UploadWatch;
import org.p2pstorage.catalog.entity.FileName;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.catalog.entity.TransferProgress;
import org.p2pstorage.catalog.entity.UploadResponse;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.boundary.HostedNodes;
import org.p2pstorage.network.boundary.CopyPlacement;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.entity.TransferTrack;

/**
 * Uploads: cut the stream into chunks, place each chunk's copies on distinct live nodes, send every copy
 * over the simulated network ({@link UploadFlow}), and tell those who wait when every copy is acknowledged
 * ({@link UploadWatch}). This boundary runs outside any transaction on purpose: an upload is a stream of
 * small {@link ChunkDispatch} transactions, one per batch of chunks.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Uploads {

    private static final Logger LOG = Logger.getLogger(Uploads.class.getName());
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final long SETTLE_CHECK_MS = 100;

    @Inject
    CatalogRepository catalog;

    @Inject
    ChunkDispatch dispatch;

    @Inject
    FileRecords records;

    @EJB
    Files files;

    @EJB
    UploadAdmission admission;

    @EJB
    HostedNodes hostedNodes;

    @EJB
    NetworkState networkState;

    @EJB
    CopyPlacement copyPlacement;

    @EJB
    Links links;

    @Inject
    UploadWatch watch;

    @Resource
    ManagedScheduledExecutorService scheduler;

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
     * with most room, as fast as the links' horizon lets them through; what it does not let through yet
     * waits on disk and is sent by the managed scheduler (see {@link UploadFlow}). Returns once the body is
     * read: the file is TRANSFERRING until every copy is acknowledged. {@code declaredSize} (or -1 when
     * unknown) lets a file that cannot fit be refused before anything is sent. On a refusal while the body
     * is read nothing is left behind (no rows, no chunks, no reserved room) once the refusal's
     * {@link Failure#cleanedUp} completes: the copies already sent are dropped when their answers have come
     * back, which the managed scheduler looks for; no thread waits for them.
     */
    public UploadResponse upload(String owner, String name, InputStream content, long declaredSize) {
        String fileName = FileName.ofUpload(name);
        if (declaredSize > maxUpload.bytes()) {
            throw new Failure(Failure.Kind.TOO_LARGE, "the file is " + declaredSize
                    + " bytes; the maximum upload size is " + maxUpload.bytes() + " bytes (" + maxUpload + ")");
        }
        InputStream body = admission.admit(owner, content, declaredSize, networkState.capacity());
        int copies = copiesPerChunk();
        if (declaredSize > 0 && declaredSize * copies > networkState.available()) {
            throw noRoom(declaredSize, copies);
        }
        String fileId = catalog.open(owner, fileName, (int) chunkSize.bytes(), declaredSize, copies,
                hostedNodes.hosting().serverId()).id();
        UploadFlow flow = new UploadFlow(wiring(), fileId, copies, declaredSize, reason -> {
            LOG.log(Level.WARNING, "upload of {0} given up: {1}", new Object[]{fileId, reason});
            giveUp(fileId, reason);
        });
        try {
            Chunker.Summary summary = Chunker.split(body, (int) chunkSize.bytes(), maxUpload.bytes(), chunk -> {
                try {
                    flow.offer(chunk);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            StoredFile sealed = flow.end(summary);
            return sealed != null ? UploadResponse.of(sealed)
                    : UploadResponse.transferring(fileId, fileName, summary.size(), summary.sha256(), summary.chunks());
        } catch (Failure e) {
            if (!flow.stop()) {
                e.cleanedUpBy(giveUp(fileId, e.getMessage()));
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            Failure unread = new Failure(Failure.Kind.INVALID, "the upload could not be read to its end", e);
            if (!flow.stop()) {
                unread.cleanedUpBy(giveUp(fileId, "the upload was interrupted"));
            }
            throw unread;
        }
    }

    /** Calls {@code then} once the file has left TRANSFERRING, or when {@code timeout} is up; holds no thread meanwhile. */
    public void whenSettled(String fileId, Duration timeout, Consumer<UploadResponse> then) {
        watch.whenSettled(fileId, timeout, then);
    }

    private UploadFlow.Wiring wiring() {
        return new UploadFlow.Wiring(new NetworkRoute(copyPlacement, networkState, links, records), dispatch, catalog,
                watch, scheduler, hostedNodes.dataFolder().resolve("staging"));
    }

    /** The replication factor, never more than the network has nodes. */
    private int copiesPerChunk() {
        return Math.max(1, Math.min(replicas, hostedNodes.size()));
    }

    private Failure noRoom(long declaredSize, int copies) {
        String size = declaredSize >= 0 ? DataSize.format(declaredSize) + " in " + copies + " copies does not fit: " : "";
        return new Failure(Failure.Kind.NO_ROOM,
                size + "the network has " + DataSize.format(networkState.available()) + " free on its live nodes");
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
     * Gives up an upload, while its client waits for the refusal (the body could not be read, or did not fit)
     * or after it had its answer (the backlog could not be sent): marks it FAILED, tells who waits for it, and
     * removes what was stored and the rows once every copy already sent has been answered (bounded), looking
     * again on the scheduler rather than in a waiting thread; the returned stage completes then. Answers that
     * come later still find no file and have their copy dropped.
     */
    private CompletableFuture<Void> giveUp(String fileId, String reason) {
        try {
            catalog.fail(fileId, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "the upload {0} was removed already", fileId);
        }
        watch.changed(fileId);
        Cleanup cleanup = new Cleanup(fileId, catalog, files, scheduler, System.nanoTime() + SETTLE_TIMEOUT.toNanos(),
                new CompletableFuture<>());
        cleanup.run();
        return cleanup.done();
    }

    /**
     * Removes a given-up upload's copies and rows once every copy sent has been answered (or time is up),
     * then completes {@code done}.
     */
    private record Cleanup(String fileId, CatalogRepository catalog, Files files,
                           ManagedScheduledExecutorService scheduler, long deadlineNanos,
                           CompletableFuture<Void> done) implements Runnable {
        @Override
        public void run() {
            try {
                if (catalog.find(fileId).map(StoredFile::settled).orElse(true) || System.nanoTime() >= deadlineNanos) {
                    files.dropChunks(fileId);
                    catalog.remove(fileId);
                    done.complete(null);
                } else {
                    scheduler.schedule(this, SETTLE_CHECK_MS, TimeUnit.MILLISECONDS);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, e, () -> "could not clean up the given-up upload " + fileId);
                done.complete(null);
            }
        }
    }

    private StoredFile stored(String fileId) {
        return Optional.ofNullable(fileId).flatMap(catalog::find)
                .orElseThrow(() -> Failure.notFound("no file with id " + fileId));
    }
}
