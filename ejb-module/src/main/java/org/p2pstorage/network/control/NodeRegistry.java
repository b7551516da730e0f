package org.p2pstorage.network.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.network.entity.RegisteredNode;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.transfer.entity.InterfaceStatistics;
import org.p2pstorage.transfer.entity.LinkSettings;

/** The registry's rows in the shared database: a host writes its nodes', every server reads them all. */
@Stateless
public class NodeRegistry {

    @PersistenceContext
    EntityManager em;

    /** Writes the latest status, link and link counters of each node hosted by {@code serverId}, in one transaction. */
    public void post(String serverId, List<NodeStatus> hosted, Function<String, LinkSettings> links,
                     Function<String, InterfaceStatistics> traffic, Instant now) {
        Map<String, RegisteredNode> rows = all().stream()
                .collect(Collectors.toMap(RegisteredNode::nodeId, Function.identity()));
        for (NodeStatus status : hosted) {
            RegisteredNode row = rows.get(status.id());
            if (row == null) {
                em.persist(new RegisteredNode(serverId, status, links.apply(status.id()), traffic.apply(status.id()), now));
            } else {
                row.post(serverId, status, links.apply(status.id()), traffic.apply(status.id()), now);
            }
        }
    }

    /**
     * When each server named in the registry last wrote (its latest row): a server silent for long is gone.
     * A server that hosts no node of the registry any more (its nodes moved to another) is not named at all.
     */
    public Map<String, Instant> lastHeard() {
        Map<String, Instant> heard = new TreeMap<>();
        for (Object[] row : em.createNamedQuery(RegisteredNode.LAST_HEARD, Object[].class).getResultList()) {
            heard.put((String) row[0], (Instant) row[1]);
        }
        return heard;
    }

    /** Every node's row, in node order. */
    public List<RegisteredNode> all() {
        return em.createNamedQuery(RegisteredNode.ALL, RegisteredNode.class).getResultList();
    }
}
