package org.p2pstorage.network.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.network.control.NodeRegistry;
import org.p2pstorage.network.control.RemoteNodes;
import org.p2pstorage.network.entity.RegisteredNode;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.control.Routes;

/**
 * Keeps the shared registry and this server's view of it in step, on the managed scheduler: every
 * {@code p2p.registry.interval.ms} it writes the status and link settings of the nodes hosted here and reads
 * every other node's row (which server hosts it, and its link as the host plays it, which this server's
 * bookings then follow, and the link's counters as the host counts them, which this server's statistics show). A node whose host has written nothing for
 * {@code p2p.registry.timeout.ms} is seen as STOPPED (its server died), so health, placement and repair
 * treat it as down, on every server, within that time.
 */
@Singleton
@Startup
@DependsOn("HostedNodes")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RegistrySync {

    private static final Logger LOG = Logger.getLogger(RegistrySync.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @EJB
    HostedNodes hostedNodes;

    @EJB
    NetworkState networkState;

    @Inject
    NodeRegistry registry;

    @Inject
    RemoteNodes remote;

    @Inject
    Routes routes;

    @EJB
    Links links;

    @Inject
    @ConfigProperty(name = "p2p.registry.interval.ms", defaultValue = "1000")
    long intervalMs;

    @Inject
    @ConfigProperty(name = "p2p.registry.timeout.ms", defaultValue = "3000")
    long timeoutMs;

    private ScheduledFuture<?> ticking;

    @PostConstruct
    void start() {
        sync();
        ticking = scheduler.scheduleWithFixedDelay(this::sync, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    private void sync() {
        try {
            Instant now = Instant.now();
            registry.post(routes.me(), networkState.hostedStatuses(), links::settings, links::countedHere, now);
            List<RegisteredNode> others = registry.all().stream()
                    .filter(row -> !hostedNodes.hosting().hosts(row.nodeId())).toList();
            for (RegisteredNode row : others) {
                if (routes.me().equals(row.serverId())) {
                    LOG.log(Level.WARNING, "{0} is registered to this server ({1}) but not hosted here: check P2P_HOSTED_NODES",
                            new Object[]{row.nodeId(), row.serverId()});
                }
                routes.route(row.nodeId(), row.serverId());
                links.follow(row.nodeId(), row.link());
                row.linkStatistics().ifPresent(traffic -> links.countedByHost(row.nodeId(), traffic));
            }
            remote.refresh(others, now, Duration.ofMillis(timeoutMs));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the node registry could not be synchronised: {0}", e.toString());
        }
    }
}
