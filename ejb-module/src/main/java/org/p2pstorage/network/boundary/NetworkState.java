package org.p2pstorage.network.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.p2pstorage.network.control.NodeBoard;
import org.p2pstorage.network.control.NodeRegistry;
import org.p2pstorage.network.control.RemoteNodes;
import org.p2pstorage.network.entity.Health;
import org.p2pstorage.network.entity.NodeView;
import org.p2pstorage.network.entity.StorageStatus;
import org.p2pstorage.network.entity.Topology;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.storage.entity.ProcessState;

/**
 * What every node of the network looks like now, wherever it is hosted, read without waiting for a busy node:
 * the nodes hosted here from their board, the others from the shared registry ({@link RemoteNodes}, kept fresh
 * by {@link RegistrySync}). Which nodes are alive, which copies still count, the room left, health, topology
 * and storage are all read from here, so every server shows the same network.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NetworkState {

    public static final String NAME = "P2P_Storage_Network";
    public static final String SUBNET = "192.168.1.0/24";

    @EJB
    HostedNodes hosted;

    @Inject
    NodeBoard board;

    @Inject
    RemoteNodes remote;

    @Inject
    NodeRegistry registry;

    /** Every node's status as it last posted it (a node no server has registered yet is STOPPED). */
    public List<NodeStatus> statuses() {
        return hosted.ids().stream().map(this::status).toList();
    }

    /** One node's status (see {@link #statuses}). */
    public NodeStatus status(String id) {
        hosted.requireKnown(id);
        if (hosted.hosts(id)) {
            return board.status(id).orElseThrow();
        }
        return remote.status(id).orElseGet(() -> new NodeStatus(id, hosted.address(id), ProcessState.STOPPED,
                hosted.capacityBytes(), 0, 0, 0, hosted.started()));
    }

    /** The latest status of each node hosted here, for the shared registry. */
    public List<NodeStatus> hostedStatuses() {
        return hosted.hostedIds().stream().map(this::status).toList();
    }

    public List<NodeView> views() {
        return statuses().stream().map(NodeView::of).toList();
    }

    public NodeView view(String id) {
        return NodeView.of(status(id));
    }

    /** The nodes that are alive now. */
    public Set<String> liveNodes() {
        return statuses().stream().filter(NodeStatus::alive).map(NodeStatus::id).collect(Collectors.toSet());
    }

    /**
     * The nodes whose copies still count for a chunk's strength: the live ones, and those down for less
     * than {@code grace} (a node that comes back soon should not cost a repair).
     */
    public Set<String> countedNodes(Duration grace) {
        Instant cutoff = Instant.now().minus(grace);
        return statuses().stream().filter(s -> s.alive() || s.downSince() == null || s.downSince().isAfter(cutoff))
                .map(NodeStatus::id).collect(Collectors.toSet());
    }

    /** The capacity of every node, live or not (the network's size, for the users' fair share). */
    public long capacity() {
        return statuses().stream().mapToLong(NodeStatus::capacityBytes).sum();
    }

    /** Bytes the live nodes can still take. */
    public long available() {
        return statuses().stream().filter(NodeStatus::alive).mapToLong(NodeStatus::availableBytes).sum();
    }

    /** Every node's health as its state says, in node order, without asking the network. */
    public Map<String, Health> health() {
        Map<String, Health> health = new LinkedHashMap<>();
        statuses().forEach(s -> health.put(s.id(), Health.of(s)));
        return health;
    }

    public Topology topology() {
        return Topology.of(NAME, SUBNET, statuses());
    }

    public StorageStatus storage() {
        return StorageStatus.of(NAME, statuses());
    }

    /**
     * When each server named in the shared registry last wrote: a server silent for long is gone. Here so that
     * the catalog (which gives up the uploads of servers that are gone) asks the network's boundary, not its registry.
     */
    public Map<String, Instant> lastHeard() {
        return registry.lastHeard();
    }
}
