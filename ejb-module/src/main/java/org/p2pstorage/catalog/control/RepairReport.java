package org.p2pstorage.catalog.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.entity.RepairStatus;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.transfer.boundary.Links;

/**
 * Tells where repair stands, from the catalog (the chunks at risk and the copies they lack), the nodes
 * (down since when, copies lost), repair's counters and the link model (the time the missing bytes need at
 * repair's share of the live links).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class RepairReport {

    @Inject
    CopyRepository copies;

    @Inject
    RepairProgress progress;

    @EJB
    NetworkState networkState;

    @EJB
    Links links;

    /** Where repair stands now, with the link model's estimate of the time it still needs. */
    public RepairStatus status(Duration grace, int replicas) {
        Set<String> live = networkState.liveNodes();
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
        for (NodeStatus s : networkState.statuses()) {
            Instant startsAt = s.downSince() == null ? null : s.downSince().plus(grace);
            if (startsAt != null) {
                graceLeftMs = Math.max(graceLeftMs, Duration.between(now, startsAt).toMillis());
            }
            nodes.add(new RepairStatus.NodeRepair(s.id(), s.state().name(), s.downSince(), startsAt,
                    s.alive() ? 0 : copies.countOn(s.id()), progress.bytesIn(s.id()), progress.bytesOut(s.id())));
        }
        long perLiveLink = live.isEmpty() ? 0 : (bytes + live.size() - 1) / live.size();
        long modelMs = live.stream().mapToLong(n -> links.repairNanos(n, perLiveLink, true) / 1_000_000).max().orElse(0);
        return new RepairStatus(replicas, grace.toSeconds(), links.repairShare(), atRisk, unavailable, missing, bytes,
                progress.bytesMoved(), progress.copiesRepaired(), inFlight, progress.badCopies(),
                missing == 0 && inFlight == 0 ? 0 : Math.max(0, graceLeftMs) + modelMs, nodes, progress.lastRun());
    }
}
