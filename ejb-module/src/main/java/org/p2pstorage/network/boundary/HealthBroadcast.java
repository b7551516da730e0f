package org.p2pstorage.network.boundary;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.network.control.HealthProbes;
import org.p2pstorage.network.entity.Health;
import org.p2pstorage.transfer.boundary.Links;

/**
 * The broadcast health check: a HEALTH_CHECK packet to every node over its link, wherever it is hosted; the
 * nodes that answer within {@code p2p.health.timeout.ms} are ALIVE, the others DEAD. (What the nodes' states
 * say, without asking the network, is {@link NetworkState#health}.) The probes' times on the links are booked
 * here, with the transfer feature's {@link Links}, and handed to {@link HealthProbes}, which sends them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthBroadcast {

    @EJB
    HostedNodes hosted;

    @Inject
    HealthProbes probes;

    @EJB
    Links links;

    @Inject
    @ConfigProperty(name = "p2p.health.timeout.ms", defaultValue = "2000")
    long healthTimeoutMs;

    public Map<String, Health> run() {
        List<String> ids = hosted.ids();
        String probeId = UUID.randomUUID().toString();
        Map<String, Long> arrivals = new LinkedHashMap<>();
        ids.forEach(id -> arrivals.put(id, links.sendProbe(id, probeId)));
        Set<String> answered = probes.broadcast(probeId, arrivals, Duration.ofMillis(healthTimeoutMs));
        Map<String, Health> health = new LinkedHashMap<>();
        ids.forEach(id -> health.put(id, answered.contains(id) ? Health.ALIVE : Health.DEAD));
        return health;
    }
}
