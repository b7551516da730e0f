package org.p2pstorage.network.boundary;

import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.network.control.Placement;
import org.p2pstorage.network.control.RemoteNodes;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.transfer.control.Routes;

/**
 * Chooses the nodes for the copies of a chunk and holds their room until the copy lands or is given up: on a
 * node hosted here the node itself reserves it, on a node hosted elsewhere this server promises it on its own
 * books ({@link RemoteNodes}) until the node answers. Ties between nodes are broken in an order drawn from the
 * network seed, so the same seed and workload give the same chunk map.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CopyPlacement {

    @EJB
    HostedNodes hosted;

    @EJB
    NetworkState state;

    @Inject
    RemoteNodes remote;

    @Inject
    Routes routes;

    @Inject
    @ConfigProperty(name = "p2p.network.seed", defaultValue = "1")
    long seed;

    private Placement placement;

    @PostConstruct
    void ready() {
        placement = new Placement(hosted.ids(), seed);
    }

    /**
     * Chooses the nodes for up to {@code copies} copies of a chunk: distinct live nodes with room, not in
     * {@code exclude}, the emptiest first, reserving the room at once. Fewer (or none) when the live nodes
     * cannot take them all.
     */
    public List<String> place(long bytes, int copies, Set<String> exclude) {
        List<Placement.Candidate> candidates = state.statuses().stream().filter(NodeStatus::alive)
                .map(s -> new Placement.Candidate(s.id(), s.availableBytes(), routes.destination(s.id()))).toList();
        return placement.place(copies, candidates, exclude,
                id -> hosted.hosts(id) ? hosted.node(id).reserve(bytes) : remote.reserve(id, bytes));
    }

    /** Gives back room reserved by {@link #place} for a chunk that will not be sent. */
    public void release(String nodeId, long bytes) {
        if (hosted.hosts(nodeId)) {
            hosted.node(nodeId).release(bytes);
        } else {
            remote.release(nodeId, bytes);
        }
    }

    /** A node answered for a copy sent from here: the room promised on a node hosted elsewhere is over. */
    public void answered(String nodeId, long bytes) {
        if (!hosted.hosts(nodeId)) {
            remote.release(nodeId, bytes);
        }
    }
}
