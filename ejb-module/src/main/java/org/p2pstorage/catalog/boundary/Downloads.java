package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.control.CatalogRepository;
import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.ChunkSource;
import org.p2pstorage.catalog.entity.CopyState;
import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.integrity.entity.Sha256;
import org.p2pstorage.network.boundary.Network;
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

    @EJB
    Files files;

    @EJB
    Repairs repairs;

    @EJB
    Network network;

    @EJB
    Links links;

    /**
     * Checks that a download can be served in full before a single byte is sent: the file is AVAILABLE
     * and every chunk has a copy on a live node that holds it (a copy found missing goes to repair).
     */
    public Download download(String owner, String fileId) {
        StoredFile file = catalog.owned(owner, fileId);
        if (file.status() != FileStatus.AVAILABLE) {
            throw new Failure(Failure.Kind.CONFLICT, "file " + fileId + " is " + file.status()
                    + (file.failure() != null ? ": " + file.failure() : "") + "; only an AVAILABLE file can be downloaded");
        }
        Set<String> live = network.liveNodes();
        List<ChunkSource> sources = new ArrayList<>();
        for (FileChunk chunk : catalog.chunks(fileId)) {
            sources.add(source(file, chunk, live));
        }
        return new Download(file.id(), file.name(), file.size(), file.sha256(), sources);
    }

    private ChunkSource source(StoredFile file, FileChunk chunk, Set<String> live) {
        List<String> good = new ArrayList<>();
        List<String> stopped = new ArrayList<>();
        for (ChunkCopy copy : chunk.copies()) {
            if (copy.state() != CopyState.STORED) {
                continue;
            }
            if (!live.contains(copy.nodeId())) {
                stopped.add(copy.nodeId());
            } else if (!good.isEmpty() || network.node(copy.nodeId()).holds(chunk.key(), chunk.size())) {
                good.add(copy.nodeId());
            } else {
                repairs.damaged(file.id(), chunk.index(), copy.nodeId(), "missing");
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

    /**
     * Streams a checked download. Each chunk crosses its node's link back to the gateway and is written
     * when the link model says it arrives; the next chunks are booked a little ahead (two per node), each
     * on the copy whose link is free soonest, so that the links work in parallel. A chunk whose copy turns
     * out stopped, missing or damaged is fetched from its next copy.
     */
    public void write(Download download, OutputStream out) throws IOException {
        MessageDigest whole = Sha256.digest();
        List<ChunkSource> chunks = download.chunks();
        String[] from = new String[chunks.size()];
        long[] arrivals = new long[chunks.size()];
        int booked = 0;
        int window = 2 * network.size();
        for (int i = 0; i < chunks.size(); i++) {
            for (; booked < chunks.size() && booked < i + window; booked++) {
                ChunkSource ahead = chunks.get(booked);
                from[booked] = links.soonest(ahead.nodes());
                arrivals[booked] = links.fetchChunk(from[booked], ahead.index(), ahead.sha256(), ahead.size())
                        .arrivalNanos();
            }
            ChunkSource chunk = chunks.get(i);
            byte[] data = fetch(chunk, from[i], arrivals[i]);
            whole.update(data);
            out.write(data);
        }
        if (!Sha256.hex(whole.digest()).equals(download.sha256())) {
            throw new IOException("file " + download.fileId() + " does not match its SHA-256");
        }
    }

    /** The chunk's verified bytes at their arrival time, from the booked copy or else the next good one. */
    private byte[] fetch(ChunkSource chunk, String first, long firstArrival) throws IOException {
        Set<String> tried = new HashSet<>();
        String node = first;
        long arrival = firstArrival;
        while (node != null) {
            tried.add(node);
            Optional<byte[]> data = read(chunk, node);
            if (data.isPresent()) {
                Uploads.holdOn(arrival - System.nanoTime());
                return data.get();
            }
            node = chunk.nodes().stream().filter(n -> !tried.contains(n)).findFirst().orElse(null);
            if (node != null) {
                arrival = links.fetchChunk(node, chunk.index(), chunk.sha256(), chunk.size()).arrivalNanos();
            }
        }
        LOG.log(Level.SEVERE, "chunk {0} of {1}: no good copy on {2}; download stopped",
                new Object[]{chunk.index(), chunk.fileId(), tried});
        throw new IOException("chunk " + chunk.index() + " of " + chunk.fileId() + " has no good copy left");
    }

    /** One copy's bytes when they are there and right; a missing or damaged copy goes to repair. */
    private Optional<byte[]> read(ChunkSource chunk, String node) {
        Optional<byte[]> data;
        try {
            data = network.node(node).read(chunk.key());
        } catch (Failure e) {
            if (e.kind() != Failure.Kind.UNAVAILABLE) {
                repairs.damaged(chunk.fileId(), chunk.index(), node, "unreadable");
            }
            return Optional.empty();
        }
        if (data.isEmpty()) {
            repairs.damaged(chunk.fileId(), chunk.index(), node, "missing");
            return Optional.empty();
        }
        if (data.get().length != chunk.size() || !Sha256.of(data.get()).equals(chunk.sha256())) {
            LOG.log(Level.WARNING, "chunk {0} on {1} is damaged: read from another copy", new Object[]{chunk.key(), node});
            repairs.damaged(chunk.fileId(), chunk.index(), node, "damaged");
            return Optional.empty();
        }
        return data;
    }
}
