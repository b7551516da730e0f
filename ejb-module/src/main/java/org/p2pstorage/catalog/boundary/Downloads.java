package org.p2pstorage.catalog.boundary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.control.CatalogRepository;
import org.p2pstorage.catalog.control.ChunkMaps;
import org.p2pstorage.catalog.control.FilePages;
import org.p2pstorage.catalog.entity.ChunkSource;
import org.p2pstorage.catalog.entity.ChunkView;
import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.catalog.entity.FileHealth;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.integrity.entity.Sha256;
import org.p2pstorage.network.boundary.HostedNodes;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.network.boundary.Nodes;
import org.p2pstorage.network.entity.ChunkRead;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.transfer.boundary.Links;

/**
 * Downloads that survive lost nodes: each chunk is read from one of its good copies, the one whose link
 * delivers it soonest, so the chunks of one file come from several nodes at once. A copy that is stopped,
 * missing or fails its SHA-256 is skipped for the next one without the client noticing, and a bad one is
 * handed to repair. Only a chunk with no good copy fails the download: before the first byte when that
 * can be known, else by cutting the stream short. Never wrong bytes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Downloads {

    private static final Logger LOG = Logger.getLogger(Downloads.class.getName());

    @Inject
    CatalogRepository catalog;

    @Inject
    FilePages pages;

    @Inject
    ChunkMaps chunkMaps;

    @EJB
    Files files;

    @EJB
    Repairs repairs;

    @EJB
    HostedNodes hostedNodes;

    @EJB
    NetworkState networkState;

    @EJB
    Nodes nodes;

    @EJB
    Links links;

    @Inject
    MeterRegistry meters;

    private Counter downloadedBytes;

    @PostConstruct
    void counters() {
        downloadedBytes = meters.counter("p2p.download.bytes");
    }

    /** How many chunks' sources are read from the catalog at once. */
    static final int WINDOW = 256;

    /**
     * Checks that a download can be served before a single byte is sent: the file is AVAILABLE, every chunk
     * has a stored copy on a live node (one grouped query, whatever the file's size), and each of the first
     * {@value #WINDOW} chunks has a copy on a node that holds it (a copy found missing goes to repair). The
     * later chunks are checked the same way as the download reaches them ({@link #sources}), so a large
     * file's first byte does not wait for its whole chunk map.
     */
    public Download download(String owner, String fileId) {
        StoredFile file = catalog.owned(owner, fileId);
        if (file.status() != FileStatus.AVAILABLE) {
            throw new Failure(Failure.Kind.CONFLICT, "file " + fileId + " is " + file.status()
                    + (file.failure() != null ? ": " + file.failure() : "") + "; only an AVAILABLE file can be downloaded");
        }
        Set<String> live = networkState.liveNodes();
        if (pages.health(List.of(file), live).get(file.id()) == FileHealth.UNAVAILABLE) {
            for (int from = 0; from < file.chunkCount(); from += WINDOW) {
                sources(file, from, live); // throws for the first chunk without a good copy
            }
        }
        return new Download(file.id(), file.name(), file.size(), file.sha256(), file.chunkCount(), sources(file, 0, live));
    }

    /** The sources of the {@value #WINDOW} chunks from the {@code from}th, for a download under way. */
    public List<ChunkSource> sources(String fileId, int from) {
        StoredFile file = catalog.find(fileId).orElseThrow(() -> Failure.notFound("file " + fileId + " was removed"));
        return sources(file, from, networkState.liveNodes());
    }

    private List<ChunkSource> sources(StoredFile file, int from, Set<String> live) {
        List<ChunkSource> sources = new ArrayList<>();
        for (ChunkView chunk : chunkMaps.window(file.id(), from, WINDOW, live::contains, file.replicas())) {
            sources.add(source(file, chunk));
        }
        return sources;
    }

    private ChunkSource source(StoredFile file, ChunkView chunk) {
        List<String> good = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        ChunkKey key = new ChunkKey(file.id(), chunk.index());
        for (ChunkView.CopyView copy : chunk.copies()) {
            if ("OFFLINE".equals(copy.state())) {
                stopped.add(copy.node());
            } else if (!"STORED".equals(copy.state())) {
                continue;
            } else if (!good.isEmpty() || nodes.holds(copy.node(), key, chunk.size())) {
                good.add(copy.node());
            } else {
                repairs.damaged(file.id(), chunk.index(), copy.node(), "missing");
            }
        }
        String which = "chunk " + chunk.index() + " of " + file.name() + " (" + file.id() + ")";
        if (good.isEmpty() && !stopped.isEmpty()) {
            throw new Failure(Failure.Kind.UNAVAILABLE, which + " is on " + String.join(" and ", stopped)
                    + (stopped.size() == 1 ? ", which is stopped" : ", which are stopped"));
        }
        if (good.isEmpty()) {
            throw new Failure(Failure.Kind.CORRUPT, which + " has no good copy left on any node");
        }
        return new ChunkSource(file.id(), chunk.index(), chunk.size(), chunk.sha256(), good);
    }

    /** One chunk booked on a copy's link: which node sends it, and when it arrives at the gateway. */
    public record Booked(String node, long arrivalNanos) {
    }

    /** A chunk's verified bytes and when the link model says they arrive. */
    public record Fetched(byte[] data, long arrivalNanos) {
    }

    /** Books the chunk on the link of the copy that delivers it soonest; nothing waits here. */
    public Booked book(ChunkSource chunk) {
        String node = links.soonest(nodes.localFirst(chunk.nodes())); // of copies as soon free, one hosted here
        return new Booked(node, links.fetchChunk(node, chunk.index(), chunk.sha256(), chunk.size()).arrivalNanos());
    }

    /**
     * The chunk's verified bytes from its booked copy, or else from its next good copy (booked anew, so they
     * arrive later); empty when no copy is good. Nothing waits here: a node hosted here is read at once, one
     * hosted by another server answers through the broker and completes the future; the caller hands the
     * bytes on at {@link Fetched#arrivalNanos()}.
     */
    public CompletableFuture<Optional<Fetched>> fetch(ChunkSource chunk, Booked booked) {
        return fetchFrom(chunk, booked.node(), booked.arrivalNanos(), new HashSet<>());
    }

    private CompletableFuture<Optional<Fetched>> fetchFrom(ChunkSource chunk, String node, long arrival, Set<String> tried) {
        tried.add(node);
        return nodes.read(node, chunk.key(), chunk.sha256(), chunk.size())
                .handle((read, error) -> checked(chunk, node, read, error))
                .thenCompose(good -> {
                    if (good.isPresent()) {
                        downloadedBytes.increment(good.get().data().length);
                        // a node hosted elsewhere: its host's clock of the link, shared by every server, may say later
                        long arrives = Math.max(arrival, good.get().arrivalNanos());
                        return CompletableFuture.completedFuture(Optional.of(new Fetched(good.get().data(), arrives)));
                    }
                    String next = chunk.nodes().stream().filter(n -> !tried.contains(n)).findFirst().orElse(null);
                    if (next == null) {
                        LOG.log(Level.SEVERE, "chunk {0} of {1}: no good copy on {2}; download stopped",
                                new Object[]{chunk.index(), chunk.fileId(), tried});
                        return CompletableFuture.completedFuture(Optional.empty());
                    }
                    long later = links.fetchChunk(next, chunk.index(), chunk.sha256(), chunk.size()).arrivalNanos();
                    return fetchFrom(chunk, next, later, tried);
                });
    }

    /** How many chunks a download books ahead: two per node. */
    public int window() {
        return 2 * hostedNodes.size();
    }

    /** One copy's bytes when they are there and right; a missing or damaged copy goes to repair. */
    private Optional<ChunkRead> checked(ChunkSource chunk, String node, Optional<ChunkRead> read, Throwable error) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (!(cause instanceof Failure failure) || failure.kind() != Failure.Kind.UNAVAILABLE) {
                repairs.damaged(chunk.fileId(), chunk.index(), node, "unreadable");
            }
            return Optional.empty();
        }
        if (read.isEmpty()) {
            repairs.damaged(chunk.fileId(), chunk.index(), node, "missing");
            return Optional.empty();
        }
        byte[] data = read.get().data();
        if (data.length != chunk.size() || !Sha256.of(data).equals(chunk.sha256())) {
            LOG.log(Level.WARNING, "chunk {0} on {1} is damaged: read from another copy", new Object[]{chunk.key(), node});
            repairs.damaged(chunk.fileId(), chunk.index(), node, "damaged");
            return Optional.empty();
        }
        return read;
    }
}
