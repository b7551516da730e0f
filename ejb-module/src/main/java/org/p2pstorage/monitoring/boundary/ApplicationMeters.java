package org.p2pstorage.monitoring.boundary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
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

import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.boundary.Repairs;
import org.p2pstorage.catalog.entity.FileTotals;
import org.p2pstorage.catalog.entity.RepairStatus;
import org.p2pstorage.monitoring.control.Recent;
import org.p2pstorage.network.boundary.Network;
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
@DependsOn({"Network", "Repairs", "Scrubber"})
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
    Network network;

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
        Recent<NetworkStatistics> traffic = keep(new Recent<>(links::statistics, FRESH));
        for (InterfaceStatistics link : traffic.get().interfaces()) {
            registerLink(traffic, link.id(), link.address());
        }
        FunctionCounter.builder("p2p.chunks.retransmitted", traffic, t -> t.get().total().retransmissions())
                .description("Data packets sent again after a simulated loss").register(registry);

        Recent<FileTotals> totals = keep(new Recent<>(files::totals, FRESH));
        gauge("p2p.transfers.in.flight", totals, t -> t.get().transferring(), "Uploads whose copies are still on their way");
        gauge("p2p.files.available", totals, t -> t.get().available(), "Files whose every copy is stored");
        gauge("p2p.nodes.alive", network, n -> n.liveNodes().size(), "Storage nodes alive");

        Recent<RepairStatus> repair = keep(new Recent<>(repairs::status, FRESH));
        gauge("p2p.repair.chunks.at.risk", repair, r -> r.get().chunksAtRisk(), "Chunks with fewer copies than the replication factor");
        gauge("p2p.repair.chunks.unavailable", repair, r -> r.get().chunksUnavailable(), "Chunks with no readable copy");
        gauge("p2p.repair.copies.missing", repair, r -> r.get().copiesMissing(), "Copies repair still has to make");
        gauge("p2p.repair.bytes.to.move", repair, r -> r.get().bytesToMove(), "Bytes repair still has to move");
        gauge("p2p.repair.copies.in.flight", repair, r -> r.get().copiesInFlight(), "Repair copies on their way");
        FunctionCounter.builder("p2p.repair.copies.repaired", repair, r -> r.get().copiesRepaired())
                .description("Copies repair has made").register(registry);

        Recent<ScrubStatus> scrub = keep(new Recent<>(scrubber::status, FRESH));
        FunctionCounter.builder("p2p.scrub.chunks.verified", scrub, s -> s.get().chunksVerified())
                .description("Chunk copies re-read and checked by the scrubber").register(registry);
        FunctionCounter.builder("p2p.scrub.errors.found", scrub, s -> s.get().errorsFound())
                .description("Bad copies the scrubber found").register(registry);
        FunctionCounter.builder("p2p.scrub.passes", scrub, s -> s.get().passes())
                .description("Full scrub passes completed").register(registry);
        gauge("p2p.scrub.pass.progress", scrub, ApplicationMeters::passProgress, "Share of the current pass done (0 to 1)");
        LOG.log(Level.INFO, "application meters registered for {0} interfaces", traffic.get().interfaces().size());
    }

    private void registerLink(Recent<NetworkStatistics> traffic, String id, String address) {
        FunctionCounter.builder("p2p.link.sent", traffic, t -> link(t, id).bytesSent()).baseUnit("bytes")
                .tag("interface", id).tag("address", address).description("Payload bytes the interface sent")
                .register(registry);
        FunctionCounter.builder("p2p.link.received", traffic, t -> link(t, id).bytesReceived()).baseUnit("bytes")
                .tag("interface", id).tag("address", address).description("Payload bytes the interface received")
                .register(registry);
        FunctionCounter.builder("p2p.link.retransmissions", traffic, t -> link(t, id).retransmissions())
                .tag("interface", id).tag("address", address).description("Packets the interface sent again")
                .register(registry);
        Gauge.builder("p2p.link.throughput", traffic, t -> link(t, id).currentThroughputBytesPerSecond())
                .baseUnit("bytes.per.second").tag("interface", id).tag("address", address)
                .description("Data received over the last two seconds").register(registry);
    }

    private <T> T keep(T source) {
        sources.add(source);
        return source;
    }

    private <T> void gauge(String name, T source, ToDoubleFunction<T> value, String description) {
        Gauge.builder(name, source, value).description(description).register(registry);
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
