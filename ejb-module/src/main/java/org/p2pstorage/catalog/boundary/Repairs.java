package org.p2pstorage.catalog.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
import org.p2pstorage.catalog.control.ChunkDispatch;
import org.p2pstorage.catalog.control.CopyRepository;
import org.p2pstorage.catalog.control.FileRecords;
import org.p2pstorage.catalog.control.RepairProgress;
import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.catalog.entity.RepairStatus;
import org.p2pstorage.configuration.entity.TimeSpan;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.integrity.entity.Sha256;
import org.p2pstorage.network.boundary.Network;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.storage.entity.DamagedCopy;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.control.LinkClock.Booking;

/**
 * Keeps every chunk at its file's replication factor. A managed scheduler ticks a few times a second: it
 * checks the copies of a node that came back, asks the catalog for the chunks below strength (copies on a
 * node down for longer than the grace no longer count; bad copies were dropped when found) and copies each
 * from a good copy to the live node with most room, through the simulated links, within repair's share of
 * them; it removes copies above the factor. No thread waits for the network: a tick books what the links
 * admit now and leaves the rest to the next. The work list is the catalog itself, so repair survives a
 * restart, and deciding the same repair twice makes one copy.
 */
@Singleton
@Startup
@DependsOn("Network")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Repairs {

    private static final Logger LOG = Logger.getLogger(Repairs.class.getName());
    private static final long TICK_MS = 100;
    private static final long SCAN_EVERY_MS = 2000;
    private static final int BATCH = 200;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    CopyRepository copies;

    @Inject
    ChunkDispatch dispatch;

    @Inject
    FileRecords records;

    @Inject
    RepairProgress progress;

    @EJB
    Network network;

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
            network.node(nodeId).delete(new ChunkKey(fileId, index));
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
            if (wake || now - lastScan >= SCAN_EVERY_MS) {
                wake = false;
                lastScan = now;
                boolean more = repairWeak();
                if (excess) {
                    excess = trimStrong();
                }
                if (!more && copies.repairsInFlight().isEmpty()) {
                    progress.idle();
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "repair round failed; trying again", e);
        }
    }

    /** A node that came back has its copies checked: those it lost leave the map; extra copies go later. */
    private void checkReturned() {
        for (NodeStatus status : network.statuses()) {
            if (!status.alive()) {
                down.add(status.id());
            } else if (down.remove(status.id())) {
                int lost = 0;
                for (ChunkCopy copy : copies.storedOn(status.id())) {
                    if (!network.node(status.id()).holds(new ChunkKey(copy.fileId(), copy.chunkIndex()), copy.chunk().size())) {
                        damaged(copy.fileId(), copy.chunkIndex(), status.id(), "missing after the node came back");
                        lost++;
                    }
                }
                LOG.log(Level.INFO, "{0} is back: its copies checked, {1} missing", new Object[]{status.id(), lost});
                excess = true;
                wake = true;
            }
        }
    }

    /** Sends a repair copy for each chunk below strength that the links admit now; true when some must wait. */
    private boolean repairWeak() {
        Set<String> live = network.liveNodes();
        boolean waiting = false;
        for (FileChunk chunk : copies.underStrength(network.countedNodes(grace.duration()), BATCH)) {
            waiting |= !repairOne(chunk, live);
        }
        return waiting;
    }

    /** One more copy of the chunk, from a good copy; false when it has to wait (links busy, no room, no copy). */
    private boolean repairOne(FileChunk chunk, Set<String> live) {
        List<ChunkCopy> sources = chunk.readable(live::contains);
        if (sources.isEmpty()) {
            return false;
        }
        Set<String> taken = new HashSet<>();
        chunk.copies().forEach(c -> taken.add(c.nodeId()));
        List<String> target = network.place(chunk.size(), 1, taken);
        if (target.isEmpty()) {
            return false;
        }
        for (ChunkCopy source : sources) {
            Optional<byte[]> data = goodBytes(chunk, source.nodeId());
            if (data.isEmpty()) {
                continue;
            }
            Optional<Booking> booking = links.relayChunk(source.nodeId(), target.get(0), chunk.index(), chunk.sha256(), chunk.size());
            if (booking.isPresent() && dispatch.repair(chunk.fileId(), chunk.index(), target.get(0), data.get(),
                    booking.get().arrivalNanos())) {
                progress.sent(source.nodeId(), target.get(0), chunk.size(), booking.get().startNanos(),
                        booking.get().arrivalNanos());
                return true;
            }
            break;
        }
        network.release(target.get(0), chunk.size());
        return false;
    }

    private Optional<byte[]> goodBytes(FileChunk chunk, String nodeId) {
        try {
            Optional<byte[]> data = network.node(nodeId).read(chunk.key());
            if (data.isPresent() && data.get().length == chunk.size() && Sha256.of(data.get()).equals(chunk.sha256())) {
                return data;
            }
            damaged(chunk.fileId(), chunk.index(), nodeId, data.isPresent() ? "damaged" : "missing");
        } catch (Failure e) {
            LOG.log(Level.FINE, "repair source {0} unreadable: {1}", new Object[]{nodeId, e.getMessage()});
        }
        return Optional.empty();
    }

    /** Removes copies above the replication factor, from the fullest nodes; true when more remain. */
    private boolean trimStrong() {
        Set<String> live = network.liveNodes();
        List<FileChunk> strong = copies.overStrength(live, BATCH);
        for (FileChunk chunk : strong) {
            List<ChunkCopy> good = new ArrayList<>(chunk.readable(live::contains));
            good.sort(Comparator.comparingLong((ChunkCopy c) -> network.view(c.nodeId()).availableBytes()));
            for (ChunkCopy extra : good.subList(0, Math.max(0, good.size() - chunk.file().replicas()))) {
                if (copies.drop(chunk.fileId(), chunk.index(), extra.nodeId())) {
                    network.node(extra.nodeId()).delete(chunk.key());
                }
            }
        }
        return strong.size() == BATCH;
    }

    /** Where repair stands now, with the link model's estimate of the time it still needs. */
    public RepairStatus status() {
        Set<String> live = network.liveNodes();
        long atRisk = 0;
        long unavailable = 0;
        long missing = 0;
        long bytes = 0;
        for (Object[] row : copies.atRisk(live)) {
            long size = ((Number) row[0]).longValue();
            long lack = ((Number) row[1]).longValue() - ((Number) row[2]).longValue();
            atRisk++;
            unavailable += ((Number) row[2]).longValue() == 0 ? 1 : 0;
            missing += lack;
            bytes += lack * size;
        }
        long inFlight = copies.repairsInFlight().size();
        Instant now = Instant.now();
        List<RepairStatus.NodeRepair> nodes = new ArrayList<>();
        long graceLeftMs = 0;
        for (NodeStatus s : network.statuses()) {
            Instant startsAt = s.downSince() == null ? null : s.downSince().plus(grace.duration());
            if (startsAt != null) {
                graceLeftMs = Math.max(graceLeftMs, Duration.between(now, startsAt).toMillis());
            }
            nodes.add(new RepairStatus.NodeRepair(s.id(), s.state().name(), s.downSince(), startsAt,
                    s.alive() ? 0 : copies.countOn(s.id()), progress.bytesIn(s.id()), progress.bytesOut(s.id())));
        }
        long perLiveLink = live.isEmpty() ? 0 : (bytes + live.size() - 1) / live.size();
        long modelMs = live.stream().mapToLong(n -> links.repairNanos(n, perLiveLink, true) / 1_000_000).max().orElse(0);
        return new RepairStatus(replicas, grace.seconds(), links.repairShare(), atRisk, unavailable, missing, bytes,
                progress.bytesMoved(), progress.copiesRepaired(), inFlight, progress.badCopies(),
                missing == 0 && inFlight == 0 ? 0 : Math.max(0, graceLeftMs) + modelMs, nodes, progress.lastRun());
    }

    /** How many bad copies the scrubber found, and how many of those have been replaced since. */
    public long[] scrubFindings() {
        return new long[]{progress.scrubFound(), progress.scrubRepaired()};
    }
}
