package org.p2pstorage.network.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2pstorage.network.entity.RegisteredNode;
import org.p2pstorage.storage.entity.NodeStatus;

/**
 * The nodes other servers host, as the shared registry last showed them, less the room this server has
 * promised on them for copies it has sent and not yet heard back about (their hosts count a chunk once it
 * lands, so without the promises two uploads here could place more than a node has room for).
 */
@ApplicationScoped
public class RemoteNodes {

    private final Map<String, NodeStatus> latest = new ConcurrentSkipListMap<>();
    private final Map<String, Long> promised = new ConcurrentHashMap<>();

    /** Takes the registry's rows of the nodes hosted elsewhere, read at {@code now}. */
    public void refresh(List<RegisteredNode> rows, Instant now, Duration timeout) {
        rows.forEach(row -> latest.put(row.nodeId(), row.status(now, timeout)));
    }

    /** The node's status, with the room promised from here counted as reserved. */
    public Optional<NodeStatus> status(String nodeId) {
        NodeStatus status = latest.get(nodeId);
        if (status == null) {
            return Optional.empty();
        }
        long mine = promised.getOrDefault(nodeId, 0L);
        return Optional.of(new NodeStatus(status.id(), status.address(), status.state(), status.capacityBytes(),
                status.usedBytes(), status.reservedBytes() + mine, status.segments(), status.downSince()));
    }

    /** Promises room on a remote node for a copy on its way; false when it is down or looks full. */
    public boolean reserve(String nodeId, long bytes) {
        Optional<NodeStatus> status = status(nodeId);
        if (status.isEmpty() || !status.get().alive() || status.get().availableBytes() < bytes) {
            return false;
        }
        promised.merge(nodeId, bytes, Long::sum);
        return true;
    }

    /** The copy landed (or will not be sent): the promise is over. */
    public void release(String nodeId, long bytes) {
        promised.computeIfPresent(nodeId, (id, left) -> left - bytes > 0 ? left - bytes : null);
    }
}
