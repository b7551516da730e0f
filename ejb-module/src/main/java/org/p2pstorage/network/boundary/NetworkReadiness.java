package org.p2pstorage.network.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when at least one storage node is alive: otherwise no upload can succeed. */
@Readiness
@ApplicationScoped
public class NetworkReadiness implements HealthCheck {

    @Inject
    NetworkState networkState;

    @Override
    public HealthCheckResponse call() {
        long alive = networkState.health().values().stream().filter(h -> h == org.p2pstorage.network.entity.Health.ALIVE).count();
        return HealthCheckResponse.named("storage-network")
                .status(alive > 0)
                .withData("aliveNodes", alive)
                .withData("nodes", networkState.health().size())
                .build();
    }
}
