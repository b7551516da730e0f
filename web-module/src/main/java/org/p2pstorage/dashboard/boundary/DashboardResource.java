package org.p2pstorage.dashboard.boundary;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.entity.FileTotals;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.network.entity.NodeView;
import org.p2pstorage.network.entity.StorageStatus;

/** The overview in one call: the network, its storage and the files it holds. */
@RequestScoped
@Path("dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    /** The overview. */
    public record Dashboard(String network, String subnet, int nodesAlive, int nodesTotal,
                            StorageStatus.NodeStorage storage, FileTotals files, List<NodeView> nodes) {
    }

    @EJB
    NetworkState networkState;

    @EJB
    Files files;

    @GET
    public Dashboard dashboard() {
        List<NodeView> nodes = networkState.views();
        int alive = (int) nodes.stream().filter(n -> n.health().equals("ALIVE")).count();
        return new Dashboard(NetworkState.NAME, NetworkState.SUBNET, alive, nodes.size(), networkState.storage().total(),
                files.totals(), nodes);
    }
}
