package org.p2pstorage.catalog.boundary;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.p2pstorage.catalog.control.CopyRepository;
import org.p2pstorage.catalog.control.ExtraCopies;
import org.p2pstorage.catalog.control.RepairProgress;
import org.p2pstorage.catalog.control.RepairReport;
import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.catalog.entity.RepairStatus;
import org.p2pstorage.configuration.entity.TimeSpan;
import org.p2pstorage.network.boundary.HostedNodes;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.network.boundary.Nodes;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.storage.entity.DamagedCopy;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.transfer.boundary.Links;

/**
 * Keeps every chunk at its file's replication factor. A managed scheduler ticks a few times a second: it
 * checks the copies of a node that came back, asks the catalog for the chunks below strength (copies on a
 * node down for longer than the grace no longer count; bad copies were dropped when found) and copies each
 * from a good copy to the live node with most room, through the simulated links, within repair's share of
 * them; it removes copies above the factor. No thread waits for the network: a tick books what the links
 * admit now and leaves the rest to the next. The work list is the catalog itself, so repair survives a
 * restart, and deciding the same repair twice makes one copy.
 * <p>
 * This singleton keeps repair's state (the nodes down, when it last looked, whether to look again) and decides
 * when a round runs; {@link RepairCopies} makes the copies of a round. A round's "links busy" (some copy waited
 * for its links' budget) makes the next tick go on with it.
 */
@Singleton
@Startup
@DependsOn("HostedNodes")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Repairs {

    private static final Logger LOG = Logger.getLogger(Repairs.class.getName());
    private static final long TICK_MS = 100;
    /** How often the catalog is asked for weak chunks while a node is down (its grace may run out). */
    private static final long SCAN_EVERY_MS = 1000;
    /** ... and while every node is up (a file may have been stored with fewer copies than it wants). */
    private static final long IDLE_SCAN_EVERY_MS = 30_000;
    private static final int BATCH = 200;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CopyRepository copies;

    /** Makes the repair copies of a round (reading, placing, booking, sending); this decides when. */
    @Inject
    RepairCopies repairCopies;

    @Inject
    FileRecords records;

    @Inject
    RepairProgress progress;

    @Inject
    RepairReport report;

    @Inject
    ExtraCopies extraCopies;

    @EJB
    HostedNodes hostedNodes;

    @EJB
    NetworkState networkState;

    @EJB
    Nodes nodes;

    @EJB
    Links links;

    @Inject
    @ConfigProperty(name = "p2p.repair.grace", defaultValue = "5m")
    TimeSpan grace;

    @Inject
    @ConfigProperty(name = "p2p.replicas", defaultValue = "2")
    int replicas;

    private ScheduledFuture<?> ticking;
    private final Set<String> down = new HashSet<>();
    private volatile boolean wake = true;
    private boolean excess = true;
    private long lastScan;

    @PostConstruct
    void start() {
        ticking = scheduler.scheduleWithFixedDelay(this::tick, 1000, TICK_MS, TimeUnit.MILLISECONDS);
        LOG.log(Level.INFO, "repair: {0} copies per chunk, grace {1}, {2} of each link",
                new Object[]{replicas, grace.duration(), links.repairShare()});
    }

    @PreDestroy
    void stop() {
        ticking.cancel(false);
    }

    /**
     * A copy was found missing or damaged (by a reader, or by the scrubber through {@link DamagedCopy}):
     * it leaves the chunk map and the node, and repair makes another.
     */
    public void damaged(String fileId, int index, String nodeId, String how) {
        LOG.log(Level.WARNING, "copy of chunk {0}#{1} on {2} is {3}: dropped for repair", new Object[]{fileId, index, nodeId, how});
        progress.badCopy(fileId, index, false);
        forget(fileId, index, nodeId);
    }

    public void scrubbed(@Observes DamagedCopy copy) {
        LOG.log(Level.WARNING, "scrub: copy of chunk {0} on {1} is damaged: dropped for repair", new Object[]{copy.key(), copy.nodeId()});
        progress.badCopy(copy.key().fileId(), copy.key().index(), true);
        forget(copy.key().fileId(), copy.key().index(), copy.nodeId());
    }

    private void forget(String fileId, int index, String nodeId) {
        if (copies.drop(fileId, index, nodeId)) {
            nodes.delete(nodeId, new ChunkKey(fileId, index));
        }
        wake = true;
    }

    /** A repair copy landed: it counts, and its node now keeps the file's record too. */
    public void repaired(String fileId, int index, String nodeId) {
        copies.chunkSize(fileId, index).ifPresent(size -> progress.stored(fileId, index, size));
        records.keep(fileId, nodeId);
        wake = true;
    }

    private synchronized void tick() {
        try {
            checkReturned();
            long now = System.currentTimeMillis();
            if (wake || now - lastScan >= (down.isEmpty() ? IDLE_SCAN_EVERY_MS : SCAN_EVERY_MS)) {
                wake = false;
                lastScan = now;
                RepairCopies.Round round = repairCopies.repairWeak(grace.duration(), BATCH, this::damaged);
                boolean more = round.more();
                wake = round.linksBusy();
                if (excess) {
                    trimExtra();
                }
                if (!more && copies.repairsInFlight().isEmpty()) {
                    progress.idle();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "repair round failed; trying again", e);
        }
    }

    /** Removes copies above the factor, from the catalog and then from their nodes, the fullest nodes first. */
    private void trimExtra() {
        Map<String, Long> available = new HashMap<>();
        networkState.statuses().forEach(s -> available.put(s.id(), s.availableBytes()));
        ExtraCopies.Trim trim = extraCopies.trim(networkState.liveNodes(), available, BATCH);
        trim.dropped().forEach(d -> nodes.delete(d.nodeId(), d.key()));
        excess = trim.more();
    }

    /** A node that came back has its copies checked: those it lost leave the map; extra copies go later. */
    private void checkReturned() {
        for (NodeStatus status : networkState.statuses()) {
            if (!status.alive()) {
                down.add(status.id());
            } else if (down.remove(status.id())) {
                if (nodes.local(status.id())) { // a node's copies are checked by the server hosting it
                    int lost = 0;
                    for (ChunkCopy copy : copies.storedOn(status.id())) {
                        if (!hostedNodes.node(status.id()).holds(new ChunkKey(copy.fileId(), copy.chunkIndex()), copy.chunk().size())) {
                            damaged(copy.fileId(), copy.chunkIndex(), status.id(), "missing after the node came back");
                            lost++;
                        }
                    }
                    LOG.log(Level.INFO, "{0} is back: its copies checked, {1} missing", new Object[]{status.id(), lost});
                } else {
                    LOG.log(Level.INFO, "{0} is back on its server", status.id());
                }
                excess = true;
                wake = true;
            }
        }
    }

    /** Where repair stands now, with the link model's estimate of the time it still needs. */
    public RepairStatus status() {
        Set<String> live = networkState.liveNodes();
        RepairReport.Backlog backlog = report.backlog(live);
        long perLiveLink = backlog.perLink(live.size());
        long modelMs = live.stream().mapToLong(n -> links.repairNanos(n, perLiveLink, true) / 1_000_000).max().orElse(0);
        return report.status(grace.duration(), replicas, backlog, networkState.statuses(), links.repairShare(), modelMs);
    }

    /** How many bad copies the scrubber found, and how many of those have been replaced since. */
    public long[] scrubFindings() {
        return new long[]{progress.scrubFound(), progress.scrubRepaired()};
    }
}
