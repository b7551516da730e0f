package org.p2pstorage.network.boundary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.network.entity.Health;
import org.p2pstorage.network.entity.NodeView;
import org.p2pstorage.network.entity.Topology;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.entity.LinkSettings;
import org.p2pstorage.transfer.entity.NetworkStatistics;
import org.p2pstorage.transfer.entity.PacketEvent;

/**
 * The simulated network: topology, the broadcast health check, the nodes (taking them down and up),
 * each node's link settings, traffic statistics and the recent packets. Changes are for admins only
 * ({@code @RolesAllowed} on the EJBs: the container answers anyone else 403).
 */
@RequestScoped
@Path("network")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkResource {

    @EJB
    NetworkState networkState;

    @EJB
    HealthBroadcast healthBroadcast;

    @EJB
    NodeAdmin admin;

    @EJB
    Links links;

    @GET
    @Path("topology")
    public Topology topology() {
        return networkState.topology();
    }

    /** {@code {"Node_01":"ALIVE",…,"alive":4,"dead":1,"total":5}}: each node's health, then the counts. */
    @GET
    @Path("health")
    public Map<String, Object> health() {
        Map<String, Health> health = healthBroadcast.run();
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
        return networkState.views();
    }

    @GET
    @Path("nodes/{id}")
    public NodeView node(@PathParam("id") String id) {
        return networkState.view(id);
    }

    @POST
    @Path("nodes/{id}/stop")
    public NodeView stop(@PathParam("id") String id) {
        return admin.stop(id);
    }

    @POST
    @Path("nodes/{id}/start")
    public NodeView start(@PathParam("id") String id) {
        return admin.start(id);
    }

    @GET
    @Path("nodes/{id}/link")
    public LinkSettings link(@PathParam("id") String id) {
        networkState.view(id);
        return links.settings(id);
    }

    /**
     * Replaces a node's link settings; they govern its next transfers at once. A missing or zero
     * bandwidth means unthrottled; missing delays and loss mean none.
     */
    @PUT
    @Path("nodes/{id}/link")
    @Consumes(MediaType.APPLICATION_JSON)
    public LinkSettings changeLink(@PathParam("id") String id, @Valid LinkChange change) {
        networkState.view(id);
        if (change == null) {
            throw Failure.invalid("the body must be the link settings as JSON");
        }
        try {
            return admin.changeLink(id, change.settings());
        } catch (IllegalArgumentException e) {
            throw Failure.invalid(e.getMessage());
        }
    }

    /** The body of a link change; every field may be left out. Numbers out of range are refused, never cut. */
    public record LinkChange(
            @PositiveOrZero(message = "bandwidthBytesPerSecond must be between 0 and " + MAX_BANDWIDTH)
            @Max(value = MAX_BANDWIDTH, message = "bandwidthBytesPerSecond must be between 0 and " + MAX_BANDWIDTH)
            Long bandwidthBytesPerSecond,
            @PositiveOrZero(message = "delayMinMs must be between 0 and 60000")
            @Max(value = 60_000, message = "delayMinMs must be between 0 and 60000")
            Integer delayMinMs,
            @PositiveOrZero(message = "delayMaxMs must be between 0 and 60000")
            @Max(value = 60_000, message = "delayMaxMs must be between 0 and 60000")
            Integer delayMaxMs,
            @DecimalMin(value = "0", message = "lossRate must be a number from 0 up to (not including) 1")
            @DecimalMax(value = "1", inclusive = false, message = "lossRate must be a number from 0 up to (not including) 1")
            Double lossRate) {

        /** 1 TiB/s: far beyond any simulated link, and no transmission time overflows below it. */
        static final long MAX_BANDWIDTH = 1L << 40;

        LinkSettings settings() {
            return new LinkSettings(bandwidthBytesPerSecond == null ? 0 : bandwidthBytesPerSecond,
                    delayMinMs == null ? 0 : delayMinMs, delayMaxMs == null ? 0 : delayMaxMs,
                    lossRate == null ? 0 : lossRate);
        }
    }

    @GET
    @Path("statistics")
    public NetworkStatistics statistics() {
        return links.statistics();
    }

    /** The most recent packets on the wire, oldest first. */
    @GET
    @Path("events")
    public List<PacketEvent> events(@QueryParam("limit") @DefaultValue("100") String limit) {
        return links.recentEvents(limit(limit));
    }

    /** A malformed query parameter is a 400 naming it (JAX-RS itself would answer 404). */
    static int limit(String limit) {
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= 500) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Failure.invalid("limit must be a whole number between 1 and 500");
    }
}
