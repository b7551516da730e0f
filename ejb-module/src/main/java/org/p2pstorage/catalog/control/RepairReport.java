package org.p2pstorage.catalog.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.entity.RepairStatus;
import org.p2pstorage.storage.entity.NodeStatus;

/**
 * Tells where repair stands, from the catalog (the chunks at risk and the copies they lack), the nodes
 * (down since when, copies lost), repair's counters and the link model (the time the missing bytes need at
 * repair's share of the live links).
 * <p>
 * The nodes' states and the link model belong to the network and transfer features: the boundary that asks
 * ({@code Repairs}) reads them from their boundaries and passes them in, in two steps, because the link
 * model's estimate needs the missing bytes this report counts first ({@link #backlog}, then {@link #status}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RepairReport {

    @Inject
    CopyRepository copies;

    @Inject
    RepairProgress progress;

    /** The chunks below strength among the {@code live} nodes: how many, how many copies and bytes they lack. */
    public record Backlog(long atRisk, long unavailable, long missing, long bytes) {

        /** The missing bytes spread evenly over {@code links} links (rounded up; 0 without links). */
        public long perLink(int links) {
            return links == 0 ? 0 : (bytes + links - 1) / links;
        }
    }

    /** What the repair still has to do, counted in the catalog. */
    public Backlog backlog(Set<String> live) {
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
        return new Backlog(atRisk, unavailable, missing, bytes);
    }

    /**
     * Where repair stands now: the {@code backlog}, every node's repair as its {@code statuses} say, and
     * {@code modelMs}, the link model's time for the backlog's bytes at {@code repairShare} of the links.
     */
    public RepairStatus status(Duration grace, int replicas, Backlog backlog, List<NodeStatus> statuses,
                               double repairShare, long modelMs) {
        long inFlight = copies.repairsInFlight().size();
        Instant now = Instant.now();
        List<RepairStatus.NodeRepair> nodes = new ArrayList<>();
        long graceLeftMs = 0;
        for (NodeStatus s : statuses) {
            Instant startsAt = s.downSince() == null ? null : s.downSince().plus(grace);
            if (startsAt != null) {
                graceLeftMs = Math.max(graceLeftMs, Duration.between(now, startsAt).toMillis());
            }
            nodes.add(new RepairStatus.NodeRepair(s.id(), s.state().name(), s.downSince(), startsAt,
                    s.alive() ? 0 : copies.countOn(s.id()), progress.bytesIn(s.id()), progress.bytesOut(s.id())));
        }
        long missing = backlog.missing();
        return new RepairStatus(replicas, grace.toSeconds(), repairShare, backlog.atRisk(), backlog.unavailable(),
                missing, backlog.bytes(), progress.bytesMoved(), progress.copiesRepaired(), inFlight, progress.badCopies(),
                missing == 0 && inFlight == 0 ? 0 : Math.max(0, graceLeftMs) + modelMs, nodes, progress.lastRun());
    }
}
