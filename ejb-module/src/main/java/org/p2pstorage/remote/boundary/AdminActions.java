package org.p2pstorage.remote.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.util.List;

import org.p2pstorage.network.boundary.NodeAdmin;
import org.p2pstorage.network.entity.NodeView;
import org.p2pstorage.storage.entity.HeldChunk;
import org.p2pstorage.transfer.entity.LinkSettings;

/**
 * The admin-only operations as the SSH and gRPC servers reach them. Those servers authenticate their callers
 * themselves (a key, a token) on threads that carry no container identity, so for a caller they have found to be
 * an admin they call through this bean, which runs as the admin role: the operations keep their
 * {@code @RolesAllowed("admin")}, and nobody reaches them from these servers without being an admin.
 */
@Stateless
@RunAs("admin")
@DeclareRoles("admin")
@PermitAll
public class AdminActions {

    @EJB
    NodeAdmin admin;

    public NodeView stop(String nodeId) {
        return admin.stop(nodeId);
    }

    public NodeView start(String nodeId) {
        return admin.start(nodeId);
    }

    public List<HeldChunk> held(String nodeId) {
        return admin.held(nodeId);
    }

    public LinkSettings changeLink(String nodeId, LinkSettings settings) {
        return admin.changeLink(nodeId, settings);
    }
}
