package org.p2pstorage.catalog.boundary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.control.ChunkDispatch;
import org.p2pstorage.catalog.control.CopyRepository;
import org.p2pstorage.catalog.control.RepairProgress;
import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.integrity.entity.Sha256;
import org.p2pstorage.network.boundary.CopyPlacement;
import org.p2pstorage.network.boundary.HostedNodes;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.network.boundary.Nodes;
import org.p2pstorage.transfer.boundary.Links;
import org.p2pstorage.transfer.entity.Booking;

/**
 * Makes the repair copies of one round: for each chunk below strength, a good copy's bytes read on this server,
 * a node with room, a booking on the links within repair's share, and the copies recorded and sent in batches.
 * It exists apart from {@link Repairs}, which decides when a round runs and keeps repair's state, so that each
 * class has one job; it is {@code @Dependent}, a part of that singleton, called only from its (synchronized) tick.
 */
@Dependent
class RepairCopies {

    private static final Logger LOG = Logger.getLogger(RepairCopies.class.getName());
    /** Repair copies sent in one transaction: about 1 MiB of 64 KiB chunks. */
    private static final int SEND_AT_ONCE = 16;

    /** What {@link Repairs} does with a copy found missing or damaged while reading a source. */
    interface Damage {
        void found(String fileId, int index, String nodeId, String how);
    }

    /** How a round went: some chunk must wait ({@code more}); some waited for its links' budget ({@code linksBusy}). */
    record Round(boolean more, boolean linksBusy) {
    }

    @Inject
    CopyRepository copies;

    @Inject
    ChunkDispatch dispatch;

    @Inject
    RepairProgress progress;

    @EJB
    HostedNodes hostedNodes;

    @EJB
    NetworkState networkState;

    @EJB
    CopyPlacement copyPlacement;

    @EJB
    Nodes nodes;

    @EJB
    Links links;

    private boolean linksBusy;

    /**
     * Sends a repair copy for each of up to {@code batch} chunks below strength (copies on nodes down for
     * longer than {@code grace} no longer count) that the links admit now.
     */
    Round repairWeak(Duration grace, int batchSize, Damage damage) {
        linksBusy = false;
        Set<String> live = networkState.liveNodes();
        List<ChunkDispatch.Repair> batch = new ArrayList<>();
        int sent = 0;
        int waiting = 0;
        for (FileChunk chunk : copies.underStrength(networkState.countedNodes(grace), batchSize)) {
            Optional<ChunkDispatch.Repair> repair = repairOne(chunk, live, damage);
            repair.ifPresent(batch::add);
            sent += repair.isPresent() ? 1 : 0;
            waiting += repair.isPresent() ? 0 : 1;
            if (batch.size() >= SEND_AT_ONCE) {
                send(batch);
            }
        }
        send(batch);
        if (sent > 0) {
            LOG.log(Level.INFO, "repair: {0} copies on their way, {1} chunks waiting for a link, a node or a good copy",
                    new Object[]{sent, waiting});
        }
        return new Round(waiting > 0, linksBusy);
    }

    /** Records and sends the batch in one transaction; room reserved for copies not needed any more is given back. */
    private void send(List<ChunkDispatch.Repair> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            dispatch.repair(batch).forEach(r -> copyPlacement.release(r.target(), r.data().length));
        } catch (RuntimeException e) {
            batch.forEach(r -> copyPlacement.release(r.target(), r.data().length));
            throw e;
        } finally {
            batch.clear();
        }
    }

    /**
     * One more copy of the chunk, read from a good copy and booked on the links; empty when it has to wait
     * (links busy, no node with room, no good copy).
     */
    private Optional<ChunkDispatch.Repair> repairOne(FileChunk chunk, Set<String> live, Damage damage) {
        List<ChunkCopy> sources = chunk.readable(live::contains);
        if (sources.isEmpty()) {
            return Optional.empty();
        }
        Set<String> taken = new HashSet<>();
        chunk.copies().forEach(c -> taken.add(c.nodeId()));
        List<String> target = copyPlacement.place(chunk.size(), 1, taken);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        for (ChunkCopy source : sources) {
            if (!nodes.local(source.nodeId())) {
                continue; // the server hosting a good copy repairs the chunk: chunks never cross servers twice
            }
            Optional<byte[]> data = goodBytes(chunk, source.nodeId(), damage);
            if (data.isEmpty()) {
                continue;
            }
            Optional<Booking> booking = links.relayChunk(source.nodeId(), target.get(0), chunk.index(), chunk.sha256(), chunk.size());
            linksBusy |= booking.isEmpty();
            if (booking.isPresent()) {
                progress.sent(source.nodeId(), target.get(0), chunk.size(), booking.get().startNanos(),
                        booking.get().arrivalNanos());
                return Optional.of(new ChunkDispatch.Repair(chunk.fileId(), chunk.index(), target.get(0), data.get(),
                        booking.get().arrivalNanos()));
            }
            break;
        }
        copyPlacement.release(target.get(0), chunk.size());
        return Optional.empty();
    }

    private Optional<byte[]> goodBytes(FileChunk chunk, String nodeId, Damage damage) {
        try {
            Optional<byte[]> data = hostedNodes.node(nodeId).read(chunk.key()); // a source hosted here (repairOne)
            if (data.isPresent() && data.get().length == chunk.size() && Sha256.of(data.get()).equals(chunk.sha256())) {
                return data;
            }
            damage.found(chunk.fileId(), chunk.index(), nodeId, data.isPresent() ? "damaged" : "missing");
        } catch (Failure e) {
            LOG.log(Level.FINE, "repair source {0} unreadable: {1}", new Object[]{nodeId, e.getMessage()});
        }
        return Optional.empty();
    }
}
