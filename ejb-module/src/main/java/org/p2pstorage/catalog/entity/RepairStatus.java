package org.p2pstorage.catalog.entity;

import java.time.Instant;
import java.util.List;

/**
 * Where repair stands: the chunks below their replication factor and the copies and bytes missing, what
 * repair has moved so far, what is on its way, and the link model's estimate of the time left; per node,
 * since when it is down, when its copies stop counting, and the repair traffic through its link.
 * {@code lastRun} is the last finished round of repair, with its time on the link model and as it went.
 */
public record RepairStatus(int replicas, long graceSeconds, double share, long chunksAtRisk, long chunksUnavailable,
                           long copiesMissing, long bytesToMove, long bytesMoved, long copiesRepaired,
                           long copiesInFlight, long badCopiesFound, long etaMs, List<NodeRepair> nodes,
                           Run lastRun) {

    /** One node as repair sees it. */
    public record NodeRepair(String node, String state, Instant downSince, Instant repairStartsAt, long copiesLost,
                             long bytesIn, long bytesOut) {
    }

    /**
     * A finished round of repair: copies and bytes moved, from the first copy sent to the last one
     * acknowledged ({@code actualMs}) and as the link model booked it ({@code modelMs}).
     */
    public record Run(Instant startedAt, Instant completedAt, long copies, long bytes, long modelMs, long actualMs) {
    }
}
