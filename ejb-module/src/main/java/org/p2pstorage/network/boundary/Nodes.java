package org.p2pstorage.network.boundary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.control.NodeCalls;
import org.p2pstorage.network.entity.ChunkRead;
import org.p2pstorage.network.entity.NodeCommand;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.storage.entity.FileRecord;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.control.Routes;

/**
 * What the rest of the system asks of a node by its id, wherever the node runs: on a node hosted here the
 * call goes straight to its bean; on a node another server hosts it crosses the broker to that server
 * (orders as messages, reads as a request and a reply). The host carries out other servers' calls here too.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Nodes {

    @EJB
    HostedNodes hostedNodes;

    @Inject
    Routes routes;

    @Inject
    NodeCalls calls;

    @EJB
    Links links;

    public boolean local(String nodeId) {
        return routes.local(nodeId);
    }

    /** The nodes in the same order, those hosted here first (a copy read here does not cross the broker). */
    public List<String> localFirst(List<String> nodeIds) {
        List<String> ordered = new ArrayList<>(nodeIds);
        ordered.sort(Comparator.comparing(nodeId -> !local(nodeId)));
        return ordered;
    }

    /** Drops a chunk's copy from the node. */
    public void delete(String nodeId, ChunkKey key) {
        if (local(nodeId)) {
            hostedNodes.node(nodeId).delete(key);
        } else {
            calls.order(NodeCommand.delete(nodeId, key));
        }
    }

    /** Keeps a file's record in the node's manifest. */
    public void record(String nodeId, FileRecord record) {
        if (local(nodeId)) {
            hostedNodes.node(nodeId).record(record);
        } else {
            calls.order(NodeCommand.record(nodeId, record));
        }
    }

    /**
     * Whether the node holds the chunk whole, as far as can be told without reading it: a node hosted
     * elsewhere is taken at the catalog's word (a read finds out, and repair follows).
     */
    public boolean holds(String nodeId, ChunkKey key, long size) {
        return !local(nodeId) || hostedNodes.node(nodeId).holds(key, size);
    }

    /**
     * The chunk's bytes as the node holds them (empty when it does not), unchecked; fails with UNAVAILABLE
     * when the node is stopped or its server does not answer. Nothing waits: a remote read's reply completes it,
     * with the arrival its host's clock of the node's link gives (the caller books a node hosted here).
     */
    public CompletableFuture<Optional<ChunkRead>> read(String nodeId, ChunkKey key, String sha256, int size) {
        if (!local(nodeId)) {
            return calls.read(nodeId, key, sha256, size);
        }
        try {
            return CompletableFuture.completedFuture(hostedNodes.node(nodeId).read(key).map(ChunkRead::here));
        } catch (Failure e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Stops or starts a node hosted elsewhere (the registry shows the change once its host has made it). */
    public void order(NodeCommand command) {
        calls.order(command);
    }

    /** Carries out another server's order on a node hosted here. */
    public void carryOut(NodeCommand command) {
        if (!local(command.nodeId())) {
            throw new Failure(Failure.Kind.NOT_FOUND, command.nodeId() + " is not hosted by " + routes.me());
        }
        switch (command.kind()) {
            case DELETE -> hostedNodes.node(command.nodeId()).delete(command.chunk());
            case RECORD -> hostedNodes.node(command.nodeId()).record(command.record());
            case STOP -> hostedNodes.node(command.nodeId()).stop();
            case START -> hostedNodes.node(command.nodeId()).start();
            case LINK -> links.follow(command.nodeId(), command.link());
        }
    }

    /**
     * Answers another server's read of a chunk on a node hosted here, booked on this server's clock of the node's
     * link (the one its own downloads book), so every server's downloads from the node share its bandwidth.
     */
    public void answer(NodeCalls.ReadRequest request) {
        String outcome;
        byte[] data = null;
        long arrivesIn = 0;
        try {
            Optional<byte[]> held = local(request.nodeId()) ? hostedNodes.node(request.nodeId()).read(request.key())
                    : Optional.empty();
            outcome = held.isPresent() ? "FOUND" : "MISSING";
            data = held.orElse(null);
            if (data != null) {
                long now = System.nanoTime();
                arrivesIn = links.fetchChunk(request.nodeId(), request.key().index(), request.sha256(), request.size())
                        .arrivalNanos() - now;
            }
        } catch (Failure e) {
            outcome = e.kind() == Failure.Kind.UNAVAILABLE ? "DOWN" : "FAILED";
        }
        calls.reply(request, outcome, data, arrivesIn);
    }
}
