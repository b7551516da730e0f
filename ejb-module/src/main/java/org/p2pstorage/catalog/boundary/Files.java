package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.account.control.Quotas;
import org.p2pstorage.catalog.control.Chunker;
import org.p2pstorage.catalog.control.Ledger;
import org.p2pstorage.catalog.entity.ChunkLocation;
import org.p2pstorage.catalog.entity.ChunkPlacement;
import org.p2pstorage.catalog.entity.ChunkView;
import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.catalog.entity.FileDetails;
import org.p2pstorage.catalog.entity.FileName;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.FileSummary;
import org.p2pstorage.catalog.entity.FileTotals;
import org.p2pstorage.catalog.entity.Folder;
import org.p2pstorage.catalog.entity.FolderView;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.catalog.entity.TransferProgress;
import org.p2pstorage.catalog.entity.UploadResponse;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.integrity.entity.Sha256;
import org.p2pstorage.network.boundary.Network;
import org.p2pstorage.storage.boundary.StorageNode;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.control.LinkClock.Booking;
import org.p2pstorage.transfer.entity.TransferTrack;

/**
 * Files on the network: upload (chunk, place, send), follow, list, describe, download (fetch, verify)
 * and delete. Every file belongs to the account that uploaded it; the listing, metadata, download and
 * delete take the caller's name and treat another user's file exactly as one that does not exist.
 * This boundary runs outside any transaction on purpose: an upload is a stream of small
 * {@link Ledger} transactions, one per chunk, and a download only reads.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Files {

    private static final Logger LOG = Logger.getLogger(Files.class.getName());
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    /** Chunks are sent in batches of about this many bytes per transaction. */
    private static final long BATCH_BYTES = 1024 * 1024;

    @Inject
    Ledger ledger;

    @EJB
    Network network;

    @EJB
    Links links;

    @Inject
    Quotas quotas;

    @Inject
    @ConfigProperty(name = "p2p.chunk.size", defaultValue = "64KiB")
    DataSize chunkSize;

    @Inject
    @ConfigProperty(name = "p2p.upload.max", defaultValue = "4GB")
    DataSize maxUpload;

    /**
     * Reads the stream to its end, cutting it into chunks and sending each to the next live node with
     * room. Returns once every chunk is on its way; the file becomes AVAILABLE when all are acknowledged.
     * {@code declaredSize} (or -1 when unknown) lets a file that cannot fit be refused before anything is sent.
     * On any refusal nothing is left behind: no rows, no chunks, no reserved room.
     */
    public UploadResponse upload(String owner, String name, InputStream content, long declaredSize) {
        String fileName = FileName.ofUpload(name);
        if (declaredSize > maxUpload.bytes()) {
            throw new Failure(Failure.Kind.TOO_LARGE, "the file is " + declaredSize
                    + " bytes; the maximum upload size is " + maxUpload.bytes() + " bytes (" + maxUpload + ")");
        }
        quotas.admit(owner, declaredSize);
        if (declaredSize > 0 && declaredSize > network.available()) {
            throw noRoom(declaredSize);
        }
        int size = (int) chunkSize.bytes();
        String fileId = ledger.open(owner, fileName, size, declaredSize).id();
        List<Ledger.Placed> batch = new ArrayList<>();
        try {
            Chunker.Summary summary = Chunker.split(content, size, maxUpload.bytes(), chunk -> {
                String nodeId = network.place(chunk.size()).orElseThrow(() -> noRoom(declaredSize));
                long holdBack = links.holdBackNanos(nodeId);
                if (holdBack > 0) {
                    dispatch(fileId, batch);
                    holdOn(holdBack);
                }
                Booking booking = links.sendChunk(nodeId, fileId, chunk.index(), chunk.sha256(), chunk.size());
                batch.add(new Ledger.Placed(chunk, nodeId, booking.arrivalNanos()));
                if (batch.size() * (long) size >= BATCH_BYTES) {
                    dispatch(fileId, batch);
                }
            });
            dispatch(fileId, batch);
            StoredFile sealed = ledger.seal(fileId, summary);
            LOG.log(Level.INFO, "file {0}: {1} bytes in {2} chunks sent", new Object[]{fileId, summary.size(), summary.chunks()});
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

    /** Sends the batch in one transaction and empties it; on failure the batch stays for {@link #release}. */
    private void dispatch(String fileId, List<Ledger.Placed> batch) {
        if (!batch.isEmpty()) {
            ledger.dispatch(fileId, batch);
            batch.clear();
        }
    }

    /**
     * Flow control, like a TCP window: an upload does not book a link further ahead than the bridge's
     * horizon, so that it reads the body only as fast as the network takes it and a changed link setting
     * governs the next chunks; a download hands each chunk to the client when it arrives. Only the
     * request's own thread waits here, holding no transaction; chunks on their way to nodes wait in the
     * broker, not in a thread.
     */
    private static void holdOn(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                throw new Failure(Failure.Kind.INTERNAL, "interrupted while waiting for the network");
            }
        }
    }

    /** Gives back the room reserved for chunks that were placed but never sent. */
    private void release(List<Ledger.Placed> unsent) {
        unsent.forEach(placed -> network.release(placed.nodeId(), placed.chunk().size()));
        unsent.clear();
    }

    private Failure noRoom(long declaredSize) {
        String size = declaredSize >= 0 ? DataSize.format(declaredSize) + " does not fit: " : "";
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

    /** How far a file's transfer has got, and what the link model expects of the rest. */
    public TransferProgress progress(String owner, String fileId) {
        StoredFile file = owned(owner, fileId);
        Optional<TransferTrack> track = links.transfer(fileId);
        long now = System.nanoTime();
        Instant end = file.completedAt() == null ? Instant.now() : file.completedAt();
        long elapsedMs = Duration.between(file.createdAt(), end).toMillis();
        Long expectedMs = track.map(t -> (t.lastArrivalNanos() - t.firstStartNanos()) / 1_000_000).orElse(null);
        long etaMs = file.status() != FileStatus.TRANSFERRING ? 0
                : track.map(t -> Math.max(0, (t.lastArrivalNanos() - now) / 1_000_000)).orElse(0L);
        int total = file.expectedChunks();
        long bytesTotal = file.expectedSize();
        long bytesAcknowledged = Math.min((long) file.acknowledged() * file.chunkSize(),
                bytesTotal >= 0 ? bytesTotal : Long.MAX_VALUE);
        double percent = total == 0 ? (file.status() == FileStatus.AVAILABLE ? 100 : 0)
                : Math.round(file.acknowledged() * 1000.0 / total) / 10.0;
        return new TransferProgress(fileId, file.name(), file.status().name(), file.acknowledged(), total,
                bytesAcknowledged, bytesTotal, percent, elapsedMs, expectedMs, etaMs,
                track.map(TransferTrack::retransmissions).orElse(0));
    }

    public List<FileSummary> list(String owner) {
        return ledger.list(owner);
    }

    /** Gives the caller's file a new name, under the same rules as an upload's name. */
    public FileSummary rename(String owner, String fileId, String name) {
        owned(owner, fileId);
        return ledger.rename(fileId, validName(name));
    }

    /** Puts the caller's file in one of the caller's folders ({@code null} or empty: the top of the drive). */
    public FileSummary move(String owner, String fileId, String folderId) {
        owned(owner, fileId);
        return ledger.move(fileId, ownFolder(owner, folderId));
    }

    /** The caller's folders, by name; a drive has few, so they come all at once. */
    public List<FolderView> folders(String owner) {
        return ledger.folders(owner).stream().map(FolderView::of).toList();
    }

    /** A new folder in one of the caller's folders ({@code null} or empty: at the top of the drive). */
    public FolderView createFolder(String owner, String parentId, String name) {
        return FolderView.of(ledger.createFolder(owner, ownFolder(owner, parentId), validName(name)));
    }

    /** Removes one of the caller's folders; it must be empty (409 otherwise). */
    public void deleteFolder(String owner, String folderId) {
        String id = ownFolder(owner, folderId);
        if (id == null) {
            throw Failure.invalid("the top of the drive cannot be deleted");
        }
        if (!ledger.removeFolder(id)) {
            throw new Failure(Failure.Kind.CONFLICT, "the folder is not empty; move or delete what is in it first");
        }
    }

    /** The folder's id when it is the caller's, null for the top of the drive; 404 for any other. */
    private String ownFolder(String owner, String folderId) {
        if (folderId == null || folderId.isBlank()) {
            return null;
        }
        return ledger.folder(folderId).filter(folder -> folder.ownedBy(owner)).map(Folder::id)
                .orElseThrow(() -> Failure.notFound("no folder with id " + folderId));
    }

    public FileTotals totals() {
        return ledger.totals();
    }

    public FileDetails details(String owner, String fileId) {
        StoredFile file = owned(owner, fileId);
        return FileDetails.of(file, ledger.placements(fileId).stream().map(ChunkView::of).toList());
    }

    /**
     * Checks that a download can be served in full before a single byte is sent: the file is
     * AVAILABLE and every chunk is on a live node that holds it.
     */
    public Download download(String owner, String fileId) {
        StoredFile file = owned(owner, fileId);
        if (file.status() != FileStatus.AVAILABLE) {
            throw new Failure(Failure.Kind.CONFLICT, "file " + fileId + " is " + file.status()
                    + (file.failure() == null ? "" : " (" + file.failure() + ")") + " and cannot be downloaded");
        }
        List<ChunkLocation> chunks = ledger.placements(fileId).stream().map(p -> ChunkLocation.of(fileId, p)).toList();
        for (ChunkLocation chunk : chunks) {
            StorageNode node = network.node(chunk.nodeId());
            if (!node.status().alive()) {
                throw new Failure(Failure.Kind.UNAVAILABLE,
                        "chunk " + chunk.index() + " of " + fileId + " is on " + chunk.nodeId() + ", which is stopped");
            }
            if (!node.holds(chunk.key(), chunk.size())) {
                throw new Failure(Failure.Kind.CORRUPT,
                        "chunk " + chunk.index() + " of " + fileId + " is missing from " + chunk.nodeId());
            }
        }
        return new Download(fileId, file.name(), file.size(), file.sha256(), chunks);
    }

    /**
     * Streams a checked download: each chunk is fetched from its node and verified before it is
     * written, so a damaged chunk stops the stream short (the client sees a broken transfer) instead
     * of handing over wrong bytes. Each chunk crosses its node's link back to the gateway and is
     * written when the link model says it arrives; the next chunks are booked a little ahead (two per
     * node), so that the links work in parallel and the download runs at the speed of the network.
     */
    public void write(Download download, OutputStream out) throws IOException {
        MessageDigest whole = Sha256.digest();
        List<ChunkLocation> chunks = download.chunks();
        long[] arrivals = new long[chunks.size()];
        int booked = 0;
        int window = 2 * network.size();
        for (int i = 0; i < chunks.size(); i++) {
            for (; booked < chunks.size() && booked < i + window; booked++) {
                ChunkLocation ahead = chunks.get(booked);
                arrivals[booked] = links.fetchChunk(ahead.nodeId(), ahead.index(), ahead.sha256(), ahead.size())
                        .arrivalNanos();
            }
            ChunkLocation chunk = chunks.get(i);
            byte[] data = network.node(chunk.nodeId()).read(chunk.key())
                    .orElseThrow(() -> new IOException("chunk " + chunk.index() + " vanished from " + chunk.nodeId()));
            if (data.length != chunk.size() || !Sha256.of(data).equals(chunk.sha256())) {
                LOG.log(Level.SEVERE, "chunk {0} of {1} on {2} is damaged: download stopped",
                        new Object[]{chunk.index(), download.fileId(), chunk.nodeId()});
                throw new IOException("chunk " + chunk.index() + " on " + chunk.nodeId() + " is damaged");
            }
            whole.update(data);
            holdOn(arrivals[i] - System.nanoTime());
            out.write(data);
        }
        if (!Sha256.hex(whole.digest()).equals(download.sha256())) {
            throw new IOException("file " + download.fileId() + " does not match its SHA-256");
        }
    }

    /** Removes the file: its chunks from the nodes (freeing their room) and its rows from the catalog. */
    public void delete(String owner, String fileId) {
        StoredFile file = owned(owner, fileId);
        if (file.status() == FileStatus.TRANSFERRING) {
            throw new Failure(Failure.Kind.CONFLICT, "file " + fileId + " is still transferring; delete it once it is done");
        }
        dropChunks(fileId);
        ledger.remove(fileId);
        links.forget(fileId);
        LOG.log(Level.INFO, "file {0} deleted", fileId);
    }

    /** Drops from the nodes every chunk of the file that they hold (idempotent). */
    public void dropChunks(String fileId) {
        for (ChunkPlacement placement : ledger.placements(fileId)) {
            ChunkLocation chunk = ChunkLocation.of(fileId, placement);
            network.node(chunk.nodeId()).delete(chunk.key());
        }
    }

    /**
     * Gives up an upload: marks it FAILED, waits (bounded) until every chunk already sent has been
     * answered, then removes what was stored and the rows. Answers that come later still find no file
     * and have their chunk dropped.
     */
    private void abandon(String fileId, String reason) {
        try {
            ledger.fail(fileId, reason);
            long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
            while (!ledger.find(fileId).map(StoredFile::settled).orElse(true) && System.nanoTime() < deadline) {
                pause();
            }
            dropChunks(fileId);
            ledger.remove(fileId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "could not clean up the abandoned upload " + fileId);
        }
    }

    /** The caller's file; another user's id answers exactly as an unknown one. */
    private StoredFile owned(String owner, String fileId) {
        return Optional.ofNullable(fileId).flatMap(ledger::find).filter(file -> file.ownedBy(owner))
                .orElseThrow(() -> Failure.notFound("no file with id " + fileId));
    }

    private StoredFile stored(String fileId) {
        return Optional.ofNullable(fileId).flatMap(ledger::find)
                .orElseThrow(() -> Failure.notFound("no file with id " + fileId));
    }

    private static String validName(String name) {
        return FileName.valid(name);
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(Failure.Kind.INTERNAL, "interrupted while waiting for the network");
        }
    }
}
