package org.p2pstorage.network.boundary;

import java.util.List;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.p2pstorage.network.entity.NodeCommand;
import org.p2pstorage.network.entity.NodeView;
import org.p2pstorage.storage.entity.HeldChunk;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.storage.entity.ProcessState;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.entity.LinkSettings;

/**
 * What only admins do to a node, wherever it runs (REST, portal, SSH): stop it, start it, change its link,
 * list the chunk files it holds. A node another server hosts is changed by that server, on an order through
 * the broker; the answer then says what was asked, and every server shows it within a registry interval.
 */
@Stateless
@DeclareRoles("admin")
@RolesAllowed("admin")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NodeAdmin {

    @EJB
    HostedNodes hostedNodes;

    @EJB
    NetworkState networkState;

    @EJB
    Nodes nodes;

    @EJB
    Links links;

    /** The chunk files a node hosted here holds, as its manifest says (they name other users' files). */
    public List<HeldChunk> held(String id) {
        return hostedNodes.node(id).held();
    }

    public NodeView stop(String id) {
        NodeStatus status = networkState.status(id);
        if (nodes.local(id)) {
            return NodeView.of(hostedNodes.node(id).stop());
        }
        nodes.order(NodeCommand.stop(id));
        return NodeView.of(status.in(ProcessState.STOPPED));
    }

    public NodeView start(String id) {
        NodeStatus status = networkState.status(id);
        if (nodes.local(id)) {
            return NodeView.of(hostedNodes.node(id).start());
        }
        nodes.order(NodeCommand.start(id));
        return NodeView.of(status.in(ProcessState.READY));
    }

    /** Changes a node's link; every server's bookings follow its host's settings within a registry interval. */
    public LinkSettings changeLink(String id, LinkSettings settings) {
        networkState.status(id);
        if (nodes.local(id)) {
            return links.change(id, settings);
        }
        nodes.order(NodeCommand.link(id, settings));
        return settings;
    }
}
