package org.p2pstorage.network.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2pstorage.account.boundary.Client;
import org.p2pstorage.network.entity.Health;
import org.p2pstorage.network.entity.NodeView;
import org.p2pstorage.network.entity.Topology;

/** The simulated network: topology, health, the nodes and taking them down and up (admins only). */
@RequestScoped
@Path("network")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {

    @EJB
    Network network;

    @Inject
    Client client;

    @GET
    @Path("topology")
    public Topology topology() {
        return network.topology();
    }

    /** {@code {"Node_01":"ALIVE",…,"alive":4,"dead":1,"total":5}}: each node's health, then the counts. */
    @GET
    @Path("health")
    public Map<String, Object> health() {
        Map<String, Health> health = network.health();
        long alive = health.values().stream().filter(h -> h == Health.ALIVE).count();
        Map<String, Object> answer = new LinkedHashMap<>(health);
        answer.put("alive", alive);
        answer.put("dead", health.size() - alive);
        answer.put("total", health.size());
        return answer;
    }

    @GET
    @Path("nodes")
    public List<NodeView> nodes() {
        return network.views();
    }

    @GET
    @Path("nodes/{id}")
    public NodeView node(@PathParam("id") String id) {
        return network.view(id);
    }

    @POST
    @Path("nodes/{id}/stop")
    public NodeView stop(@PathParam("id") String id) {
        client.requireAdmin();
        return network.stop(id);
    }

    @POST
    @Path("nodes/{id}/start")
    public NodeView start(@PathParam("id") String id) {
        client.requireAdmin();
        return network.start(id);
    }
}
