package org.p2pstorage.network.boundary;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.p2pstorage.network.entity.Hosting;
import org.p2pstorage.storage.boundary.StorageNode;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.control.Routes;

/**
 * The network's nodes as this server has them: every node's id and address (Node_01 at 192.168.1.2 onwards),
 * and one stateful bean for each node it hosts, created at start (a server alone hosts them all). The list
 * never changes after start, so lookups need no lock; each node guards its own state. What the nodes look like
 * now is {@link NetworkState}'s; where copies go, {@link CopyPlacement}'s.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations") // every start-up bean depends on this one: none reads the catalog before it is migrated
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HostedNodes {

    private static final Logger LOG = Logger.getLogger(HostedNodes.class.getName());

    @Resource
    SessionContext context;

    @EJB
    Links links;

    @Inject
    Routes routes;

    @Inject
    @ConfigProperty(name = "p2p.hosted.nodes")
    Optional<String> hostedNodes;

    @Inject
    @ConfigProperty(name = "p2p.nodes", defaultValue = "5")
    int nodeCount;

    @Inject
    @ConfigProperty(name = "p2p.node.capacity", defaultValue = "10GB")
    DataSize capacity;

    @Inject
    @ConfigProperty(name = "p2p.data.dir")
    Optional<String> dataDir;

    private final Map<String, StorageNode> nodes = new LinkedHashMap<>();
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final Instant started = Instant.now();
    private Hosting hosting;

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
            if (hosting.hosts(id)) {
                StorageNode node = (StorageNode) context.lookup("java:module/StorageNode");
                node.open(id, address, root.resolve(id), capacity.bytes());
                nodes.put(id, node);
                routes.route(id, routes.me());
            }
        }
        LOG.log(Level.INFO, "{0} up on {1}: hosting {2} of {3} nodes ({4}) of {5} in {6}",
                new Object[]{NetworkState.NAME, routes.me(), nodes.size(), nodeCount, String.join(", ", nodes.keySet()),
                        capacity, root});
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

    /** Whether the node is hosted here. */
    public boolean hosts(String id) {
        return nodes.containsKey(id);
    }

    /** Fails with NOT_FOUND for an id that is not one of the network's nodes. */
    public void requireKnown(String id) {
        if (!addresses.containsKey(id)) {
            throw Failure.notFound("no node " + id + " in " + NetworkState.NAME);
        }
    }

    /** Every node's id, in order. */
    public List<String> ids() {
        return List.copyOf(addresses.keySet());
    }

    /** The ids of the nodes hosted here, in order. */
    public List<String> hostedIds() {
        return List.copyOf(nodes.keySet());
    }

    /** The node's address in the simulated subnet. */
    public String address(String id) {
        return addresses.get(id);
    }

    /** How many nodes the network has. */
    public int size() {
        return addresses.size();
    }

    /** The capacity each node has (a node no server has registered yet is shown with it). */
    public long capacityBytes() {
        return capacity.bytes();
    }

    /** When this server started (a node no server has registered yet is shown STOPPED since then). */
    public Instant started() {
        return started;
    }
}
