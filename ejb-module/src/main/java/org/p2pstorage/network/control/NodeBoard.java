package org.p2pstorage.network.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.p2pstorage.storage.entity.NodeStatus;

/**
 * Where every storage node posts its latest status. Calls to a stateful node are serialized, so asking
 * a busy node how it is would wait until it is done, and would never see it RUNNING; the board is read
 * without disturbing the nodes, and shows what each is doing now.
 * <p>
 * The board is the network's: a node (the storage feature's {@code StorageNode}) fires its {@link NodeStatus}
 * as a CDI event, observed here synchronously, so neither feature reaches into the other's internals.
 */
@ApplicationScoped
public class NodeBoard {

    private final Map<String, NodeStatus> latest = new ConcurrentSkipListMap<>();

    /** A node's latest status, fired by the node itself on every change. */
    public void post(@Observes NodeStatus status) {
        latest.put(status.id(), status);
    }

    public Optional<NodeStatus> status(String nodeId) {
        return Optional.ofNullable(latest.get(nodeId));
    }

    /** Every node's latest status, in node order. */
    public List<NodeStatus> all() {
        return List.copyOf(latest.values());
    }
}
