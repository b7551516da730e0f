package org.p2pstorage.remote.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.integrity.entity.Sha256;
import org.p2pstorage.network.boundary.HostedNodes;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.storage.boundary.StorageNode;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.storage.entity.StoreOutcome;

/**
 * The seed's StoreSegment and RetrieveSegment: an admin reads or writes one chunk file ("segment") on one
 * node directly, past the catalog's placement. Only a real chunk of a catalogued file may be written (same
 * size and SHA-256), so the call can put a copy back but never plant foreign bytes; a copy written this way
 * is adopted into the chunk map by the next catalog rebuild.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Segments {

    private static final Logger LOG = Logger.getLogger(Segments.class.getName());

    @EJB
    Files catalog;

    @EJB
    HostedNodes hostedNodes;

    @EJB
    NetworkState networkState;

    /** Writes the segment on the node: what the node answers (STORED, NO_ROOM, CORRUPT, OFFLINE, FAILED). */
    public StoreOutcome store(String nodeId, String fileId, int index, byte[] data, String sha256) {
        ChunkKey key = key(fileId, index);
        FileChunk chunk = catalog.chunk(fileId, index)
                .orElseThrow(() -> Failure.notFound("no chunk " + index + " of a file " + fileId + " in the catalog"));
        if (chunk.size() != data.length || !chunk.sha256().equalsIgnoreCase(sha256 == null ? "" : sha256)) {
            throw Failure.invalid("chunk " + index + " of " + fileId + " is " + chunk.size() + " bytes with SHA-256 "
                    + chunk.sha256() + "; the segment sent is " + data.length + " bytes with SHA-256 " + sha256);
        }
        StorageNode node = hostedNodes.node(nodeId);
        if (node.holds(key, data.length)) {
            return StoreOutcome.STORED;
        }
        if (!node.reserve(data.length)) {
            return networkState.liveNodes().contains(nodeId) ? StoreOutcome.NO_ROOM : StoreOutcome.OFFLINE;
        }
        StoreOutcome outcome = node.store(key, data, chunk.sha256(), true);
        LOG.log(Level.INFO, "segment {0} stored on {1} by an admin: {2}", new Object[]{key, nodeId, outcome});
        return outcome;
    }

    /** The segment's bytes as the node holds them, checked against the catalog's SHA-256 when it has one. */
    public byte[] retrieve(String nodeId, String fileId, int index) {
        ChunkKey key = key(fileId, index);
        byte[] data = hostedNodes.node(nodeId).read(key)
                .orElseThrow(() -> Failure.notFound("node " + nodeId + " holds no chunk " + index + " of " + fileId));
        catalog.chunk(fileId, index).ifPresent(chunk -> {
            if (!Sha256.of(data).equals(chunk.sha256())) {
                throw new Failure(Failure.Kind.CORRUPT, "chunk " + index + " of " + fileId + " on " + nodeId
                        + " does not match its SHA-256: the copy is damaged");
            }
        });
        return data;
    }

    private static ChunkKey key(String fileId, int index) {
        try {
            return new ChunkKey(fileId, index);
        } catch (IllegalArgumentException e) {
            throw Failure.invalid(e.getMessage());
        }
    }
}
