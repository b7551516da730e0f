package org.p2pstorage.network.boundary;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.configuration.entity.DataSize;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.control.HealthProbes;
import org.p2pstorage.network.control.Placement;
import org.p2pstorage.network.control.RemoteNodes;
import org.p2pstorage.network.entity.Hosting;
import org.p2pstorage.network.entity.Health;
import org.p2pstorage.network.entity.NodeView;
import org.p2pstorage.network.entity.StorageStatus;
import org.p2pstorage.network.entity.Topology;
import org.p2pstorage.storage.boundary.StorageNode;
import org.p2pstorage.storage.control.NodeBoard;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.storage.entity.ProcessState;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.control.Routes;

/**
 * The registry of the simulated network: creates the storage nodes this server hosts at start (one stateful
 * bean each, Node_01 at 192.168.1.2 onwards; a server alone hosts them all), finds them by id, places the
 * copies of chunks on them and reports their topology, health and storage. The nodes other servers host are
 * seen through the shared registry ({@link RemoteNodes}, kept fresh by {@link RegistrySync}). The node list
 * never changes after start, so lookups need no lock; each node guards its own state.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations") // every start-up bean depends on this one: none reads the catalog before it is migrated
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Network {

    public static final String NAME = "P2P_Storage_Network";
    public static final String SUBNET = "192.168.1.0/24";
    private static final Logger LOG = Logger.getLogger(Network.class.getName());

    @Resource
    SessionContext context;

    @EJB
    Links links;

    @Inject
    NodeBoard board;

    @Inject
    HealthProbes probes;

    @Inject
    Routes routes;

    @Inject
    RemoteNodes remote;


    @Inject
    @ConfigProperty(name = "p2p.hosted.nodes")
    Optional<String> hostedNodes;

    @Inject
    @ConfigProperty(name = "p2p.health.timeout.ms", defaultValue = "2000")
    long healthTimeoutMs;

    @Inject
    @ConfigProperty(name = "p2p.nodes", defaultValue = "5")
    int nodeCount;

    @Inject
    @ConfigProperty(name = "p2p.node.capacity", defaultValue = "10GB")
    DataSize capacity;

    @Inject
    @ConfigProperty(name = "p2p.network.seed", defaultValue = "1")
    long seed;

    @Inject
    @ConfigProperty(name = "p2p.data.dir")
    Optional<String> dataDir;

    private final Map<String, StorageNode> nodes = new LinkedHashMap<>();
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final Instant started = Instant.now();
    private Hosting hosting;
    private Placement placement;

    @PostConstruct
    void create() {
        if (nodeCount < 1 || nodeCount > 253) {
            throw new IllegalStateException("p2p.nodes must be between 1 and 253 (a /24 subnet), not " + nodeCount);
        }
        hosting = Hosting.of(routes.me(), nodeCount, hostedNodes.orElse(""));
        Path root = dataFolder().resolve("nodes");
        for (int n = 1; n <= nodeCount; n++) {
            String id = Hosting.nodeId(n);
            String address = "192.168.1." + (n + 1);
            links.attach(id, address);
            addresses.put(id, address);
            ids.add(id);
            if (hosting.hosts(id)) {
                StorageNode node = (StorageNode) context.lookup("java:module/StorageNode");
                node.open(id, address, root.resolve(id), capacity.bytes());
                nodes.put(id, node);
                routes.route(id, routes.me());
            }
        }
        placement = new Placement(ids, seed);
        LOG.log(Level.INFO, "{0} up on {1}: hosting {2} of {3} nodes ({4}) of {5} in {6}",
                new Object[]{NAME, routes.me(), nodes.size(), nodeCount, String.join(", ", nodes.keySet()), capacity, root});
    }

    /** Which server this is and which nodes it hosts. */
    public Hosting hosting() {
        return hosting;
    }

    /** The data folder: {@code p2p.data.dir} (P2P_DATA_DIR), else {@code ~/.p2p-storage}. */
    public Path dataFolder() {
        return Path.of(dataDir.filter(d -> !d.isBlank())
                .orElse(System.getProperty("user.home") + "/.p2p-storage"));
    }

    /** The bean of a node hosted here (the others are reached through {@link Nodes}). */
    public StorageNode node(String id) {
        StorageNode node = nodes.get(id);
        if (node == null) {
            requireKnown(id);
            throw new Failure(Failure.Kind.UNAVAILABLE, id + " is hosted by " + routes.hostOf(id).orElse("another server")
                    + ", not by " + routes.me());
        }
        return node;
    }

    private void requireKnown(String id) {
        if (!addresses.containsKey(id)) {
            throw Failure.notFound("no node " + id + " in " + NAME);
        }
    }

    /** How many nodes the network has. */
    public int size() {
        return ids.size();
    }

    /**
     * Every node's status as it last posted it, read without waiting for a busy node: the nodes hosted here
     * from their board, the others from the shared registry (a node no server has registered yet is STOPPED).
     */
    public List<NodeStatus> statuses() {
        return ids.stream().map(this::status).toList();
    }

    /** One node's status (see {@link #statuses}). */
    public NodeStatus status(String id) {
        requireKnown(id);
        if (nodes.containsKey(id)) {
            return board.status(id).orElseThrow();
        }
        return remote.status(id).orElseGet(() -> new NodeStatus(id, addresses.get(id), ProcessState.STOPPED,
                capacity.bytes(), 0, 0, 0, started));
    }

    /** The latest status of each node hosted here, for the shared registry. */
    public List<NodeStatus> hostedStatuses() {
        return nodes.keySet().stream().map(this::status).toList();
    }

    public List<NodeView> views() {
        return statuses().stream().map(NodeView::of).toList();
    }

    public NodeView view(String id) {
        requireKnown(id);
        return NodeView.of(status(id));
    }

    /**
     * Chooses the nodes for up to {@code copies} copies of a chunk: distinct live nodes with room, not in
     * {@code exclude}, the emptiest first, reserving the room at once. Fewer (or none) when the live nodes
     * cannot take them all.
     */
    public List<String> place(long bytes, int copies, Set<String> exclude) {
        List<Placement.Candidate> candidates = statuses().stream().filter(NodeStatus::alive)
                .map(s -> new Placement.Candidate(s.id(), s.availableBytes(), routes.destination(s.id()))).toList();
        return placement.place(copies, candidates, exclude,
                id -> nodes.containsKey(id) ? nodes.get(id).reserve(bytes) : remote.reserve(id, bytes));
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

    /** Gives back room reserved by {@link #place} for a chunk that will not be sent. */
    public void release(String nodeId, long bytes) {
        if (nodes.containsKey(nodeId)) {
            nodes.get(nodeId).release(bytes);
        } else {
            remote.release(nodeId, bytes);
        }
    }

    /** A node answered for a copy sent from here: the room promised on a node hosted elsewhere is over. */
    public void answered(String nodeId, long bytes) {
        if (!nodes.containsKey(nodeId)) {
            remote.release(nodeId, bytes);
        }
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

    /**
     * The broadcast health check: a HEALTH_CHECK packet to every node over its link; the nodes that
     * answer in time are ALIVE, the others DEAD.
     */
    public Map<String, Health> healthCheck() {
        Set<String> answered = probes.broadcast(ids, Duration.ofMillis(healthTimeoutMs));
        Map<String, Health> health = new LinkedHashMap<>();
        ids.forEach(id -> health.put(id, answered.contains(id) ? Health.ALIVE : Health.DEAD));
        return health;
    }

    public Topology topology() {
        return Topology.of(NAME, SUBNET, statuses());
    }

    public StorageStatus storage() {
        return StorageStatus.of(NAME, statuses());
    }
}
