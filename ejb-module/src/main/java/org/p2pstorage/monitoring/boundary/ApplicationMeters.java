package org.p2pstorage.monitoring.boundary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.boundary.Repairs;
import org.p2pstorage.catalog.entity.FileTotals;
import org.p2pstorage.catalog.entity.RepairStatus;
import org.p2pstorage.monitoring.control.Recent;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.network.boundary.Scrubber;
import org.p2pstorage.network.entity.ScrubStatus;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.entity.InterfaceStatistics;
import org.p2pstorage.transfer.entity.NetworkStatistics;

/**
 * The application's figures where operators look for them: the server's Prometheus endpoint (WildFly's
 * micrometer subsystem, {@code /prometheus} on the management port). The meters read the reports the API
 * shows (network statistics, repair and scrub status, file totals), each computed at most once a second
 * however many meters a scrape reads; the chunk and byte counters are kept where chunks are sent
 * ({@code ChunkDispatch}), answered ({@code Acknowledgements}) and read for a download ({@code Downloads}).
 */
@Singleton
@Startup
@DependsOn({"HostedNodes", "Repairs", "Scrubber"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApplicationMeters {

    private static final Logger LOG = Logger.getLogger(ApplicationMeters.class.getName());
    private static final Duration FRESH = Duration.ofSeconds(1);

    @Inject
    MeterRegistry registry;

    @EJB
    Links links;

    @EJB
    NetworkState networkState;

    @EJB
    Repairs repairs;

    @EJB
    Scrubber scrubber;

    @EJB
    Files files;

    /** The reports the meters read; held here because meters keep only weak references to their sources. */
    private final List<Object> sources = new ArrayList<>();

    @PostConstruct
    void register() {
        removeMeters(); // a redeployment finds the meters of the one before, bound to its beans
        Recent<NetworkStatistics> traffic = keep(new Recent<>(links::statistics, FRESH));
        for (InterfaceStatistics link : traffic.get().interfaces()) {
            Tags tags = Tags.of("interface", link.id(), "address", link.address());
            String id = link.id();
            counter("p2p.link.sent.bytes", tags, traffic, t -> link(t, id).bytesSent());
            counter("p2p.link.received.bytes", tags, traffic, t -> link(t, id).bytesReceived());
            counter("p2p.link.retransmissions", tags, traffic, t -> link(t, id).retransmissions());
            gauge("p2p.link.throughput.bytes.per.second", tags, traffic, t -> link(t, id).currentThroughputBytesPerSecond());
        }
        counter("p2p.chunks.retransmitted", Tags.empty(), traffic, t -> t.get().total().retransmissions());

        Recent<FileTotals> totals = keep(new Recent<>(files::totals, FRESH));
        gauge("p2p.transfers.in.flight", Tags.empty(), totals, t -> t.get().transferring());
        gauge("p2p.files.available", Tags.empty(), totals, t -> t.get().available());
        gauge("p2p.nodes.alive", Tags.empty(), networkState, n -> n.liveNodes().size());

        Recent<RepairStatus> repair = keep(new Recent<>(repairs::status, FRESH));
        gauge("p2p.repair.chunks.at.risk", Tags.empty(), repair, r -> r.get().chunksAtRisk());
        gauge("p2p.repair.chunks.unavailable", Tags.empty(), repair, r -> r.get().chunksUnavailable());
        gauge("p2p.repair.copies.missing", Tags.empty(), repair, r -> r.get().copiesMissing());
        gauge("p2p.repair.bytes.to.move", Tags.empty(), repair, r -> r.get().bytesToMove());
        gauge("p2p.repair.copies.in.flight", Tags.empty(), repair, r -> r.get().copiesInFlight());
        counter("p2p.repair.copies.repaired", Tags.empty(), repair, r -> r.get().copiesRepaired());

        Recent<ScrubStatus> scrub = keep(new Recent<>(scrubber::status, FRESH));
        counter("p2p.scrub.chunks.verified", Tags.empty(), scrub, s -> s.get().chunksVerified());
        counter("p2p.scrub.errors.found", Tags.empty(), scrub, s -> s.get().errorsFound());
        counter("p2p.scrub.passes", Tags.empty(), scrub, s -> s.get().passes());
        gauge("p2p.scrub.pass.progress", Tags.empty(), scrub, ApplicationMeters::passProgress);
        LOG.log(Level.INFO, "application meters registered for {0} interfaces", traffic.get().interfaces().size());
    }

    /**
     * The registry outlives the deployment: the meters read here (not the counters the beans keep) must not
     * go on reading beans that are gone, nor shadow those of the next deployment.
     */
    @PreDestroy
    void removeMeters() {
        registry.getMeters().stream().filter(meter -> meter.getId().getName().startsWith("p2p."))
                .filter(meter -> meter instanceof Gauge || meter instanceof FunctionCounter).forEach(registry::remove);
    }

    /**
     * Registers through the registry's own methods, not the meters' builders: the registry WildFly hands a
     * deployment forwards those to the exported registry, while a builder's meter stayed in the wrapper.
     */
    private <T> void counter(String name, Tags tags, T source, ToDoubleFunction<T> value) {
        registry.more().counter(name, tags, source, value);
    }

    private <T> void gauge(String name, Tags tags, T source, ToDoubleFunction<T> value) {
        registry.gauge(name, tags, source, value);
    }

    private <T> T keep(T source) {
        sources.add(source);
        return source;
    }

    private static InterfaceStatistics link(Recent<NetworkStatistics> traffic, String id) {
        return traffic.get().interfaces().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no interface " + id));
    }

    private static double passProgress(Recent<ScrubStatus> scrub) {
        ScrubStatus.Pass pass = scrub.get().currentPass();
        return pass == null || pass.chunksTotal() == 0 ? 0 : (double) pass.chunksVerified() / pass.chunksTotal();
    }
}
