package org.p2pstorage.storage.boundary;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.AccessTimeout;
import jakarta.ejb.Stateful;
import jakarta.ejb.StatefulTimeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.storage.control.ChunkStore;
import org.p2pstorage.storage.entity.ChunkKey;
import org.p2pstorage.storage.entity.FileRecord;
import org.p2pstorage.storage.entity.HeldChunk;
import org.p2pstorage.storage.entity.NodeManifest;
import org.p2pstorage.storage.entity.ScrubVerdict;
import org.p2pstorage.storage.entity.NodeStatus;
import org.p2pstorage.storage.entity.ProcessState;
import org.p2pstorage.storage.entity.StoreOutcome;

/**
 * One virtual storage node: a stateful bean with an identity (Node_01, 192.168.1.2), a process state
 * and a disk ({@link ChunkStore}). The network registry creates one instance per node and keeps it for
 * the life of the application, so it is never passivated and never times out.
 * <p>
 * The container serializes calls to a stateful bean, which is what a single node's disk would do.
 * The bean takes part in no transaction: its disk is not transactional, and a stateful bean enlisted
 * in a caller's transaction would stay locked until that transaction ends. Every refusal is a
 * {@link Failure} (an application exception) because a system exception would discard the node.
 */
@Stateful(passivationCapable = false)
@StatefulTimeout(-1)
@AccessTimeout(value = 2, unit = TimeUnit.MINUTES)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StorageNode {

    private static final Logger LOG = Logger.getLogger(StorageNode.class.getName());

    /** Observed by the network's board, which is read without disturbing this (serialized) node. */
    @Inject
    Event<NodeStatus> board;

    private String id;
    private String address;
    private ChunkStore store;
    private volatile ProcessState state = ProcessState.READY;
    private volatile Instant downSince;

    /** Brings the node up on its folder; what is already on disk is counted, not lost. */
    public NodeStatus open(String id, String address, Path folder, long capacityBytes) {
        this.id = id;
        this.address = address;
        try {
            this.store = ChunkStore.open(folder, capacityBytes);
        } catch (RuntimeException e) {
            throw new Failure(Failure.Kind.INTERNAL, "node " + id + " cannot open its storage", e);
        }
        this.state = ProcessState.READY;
        publish();
        LOG.log(Level.INFO, "{0} ({1}) up: {2} segments, {3} of {4} bytes used",
                new Object[]{id, address, store.segments(), store.used(), capacityBytes});
        return status();
    }

    public NodeStatus status() {
        return new NodeStatus(id, address, state, store.capacity(), store.used(), store.reserved(), store.segments(),
                downSince);
    }

    private void publish() {
        board.fire(status());
    }

    /** Promises room for a chunk on its way here; false when stopped or full. */
    public boolean reserve(long bytes) {
        if (!state.alive()) {
            return false;
        }
        boolean promised = store.reserve(bytes);
        settle();
        return promised;
    }

    public void release(long bytes) {
        store.release(bytes);
        settle();
    }

    /** A chunk arrives from the network; {@code reserved}: its room was reserved here when it was placed. */
    public StoreOutcome store(ChunkKey key, byte[] data, String sha256, boolean reserved) {
        if (!state.alive()) {
            if (reserved) {
                store.release(data.length);
            }
            return StoreOutcome.OFFLINE;
        }
        state = ProcessState.RUNNING;
        publish();
        try {
            return store.write(key, data, sha256, reserved);
        } catch (RuntimeException e) {
            throw new Failure(Failure.Kind.INTERNAL, "node " + id + " cannot write chunk " + key, e);
        } finally {
            settle();
        }
    }

    /** The chunk's bytes as this node holds them; empty when it does not hold it. */
    public Optional<byte[]> read(ChunkKey key) {
        requireAlive();
        state = ProcessState.RUNNING;
        publish();
        try {
            return store.read(key);
        } catch (RuntimeException e) {
            throw new Failure(Failure.Kind.CORRUPT, "node " + id + " cannot read chunk " + key, e);
        } finally {
            settle();
        }
    }

    /** Keeps a file's record in this node's manifest, so that the catalog can be rebuilt from the nodes. */
    public void record(FileRecord record) {
        try {
            store.record(record);
        } catch (RuntimeException e) {
            throw new Failure(Failure.Kind.INTERNAL, "node " + id + " cannot record file " + record.fileId(), e);
        }
    }

    /** What this node holds, as its manifest says (read even while stopped: a maintenance action). */
    public NodeManifest manifest() {
        return new NodeManifest(id, store.held(), store.records());
    }

    /** The chunks this node holds, for a scrubbing pass. */
    public List<HeldChunk> held() {
        return store.held();
    }

    /** Re-reads one chunk from disk and checks it; a stopped node reads nothing. */
    public ScrubVerdict verify(ChunkKey key) {
        if (!state.alive()) {
            return ScrubVerdict.OFFLINE;
        }
        return store.verify(key);
    }

    public boolean holds(ChunkKey key, long size) {
        return store.holds(key, size);
    }

    /** Removes a chunk, even while stopped (a maintenance action); returns the bytes freed. */
    public long delete(ChunkKey key) {
        try {
            return store.delete(key);
        } catch (RuntimeException e) {
            throw new Failure(Failure.Kind.INTERNAL, "node " + id + " cannot delete chunk " + key, e);
        } finally {
            publish();
        }
    }

    public NodeStatus stop() {
        if (state != ProcessState.STOPPED) {
            downSince = Instant.now();
        }
        state = ProcessState.STOPPED;
        publish();
        LOG.log(Level.INFO, "{0} stopped", id);
        return status();
    }

    public NodeStatus start() {
        if (state == ProcessState.STOPPED) {
            state = ProcessState.READY;
            downSince = null;
            settle();
            LOG.log(Level.INFO, "{0} started", id);
        }
        return status();
    }

    private void requireAlive() {
        if (!state.alive()) {
            throw new Failure(Failure.Kind.UNAVAILABLE, id + " is stopped");
        }
    }

    /** After an operation: WAITING while chunks are still on their way here, else READY. */
    private void settle() {
        if (state.alive()) {
            state = store.reserved() > 0 ? ProcessState.WAITING : ProcessState.READY;
        }
        publish();
    }
}
