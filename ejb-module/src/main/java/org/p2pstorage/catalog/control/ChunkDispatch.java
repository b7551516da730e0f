package org.p2pstorage.catalog.control;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.catalog.control.Chunker.Chunk;
import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.failure.entity.Failure;
import org.p2pstorage.transfer.entity.ChunkDeparture;
import org.p2pstorage.transfer.entity.ChunkParcel;

/**
 * Puts copies of chunks on the wire together with the rows that expect them, in one transaction: a
 * copy is on its way exactly when its row is committed, so neither a crash nor a rollback can leave a
 * message without a row or a row without a message. The copies go to the transfer feature as
 * {@link ChunkDeparture} events, observed synchronously in this transaction, not through its internals.
 */
@Stateless
public class ChunkDispatch {

    /** One copy of a chunk, the node chosen for it and when the bridge says it arrives there. */
    public record Copy(String nodeId, long arrivalNanos) {
    }

    /** A chunk and its copies. */
    public record Placed(Chunk chunk, List<Copy> copies) {

        public Set<String> nodes() {
            Set<String> nodes = new HashSet<>();
            copies.forEach(c -> nodes.add(c.nodeId()));
            return nodes;
        }
    }

    @PersistenceContext
    EntityManager em;

    /** The transfer feature's {@code ChunkProducer} observes these, in this transaction. */
    @Inject
    Event<ChunkDeparture> departures;

    @Inject
    MeterRegistry meters;

    private Counter uploadCopies;
    private Counter uploadBytes;
    private Counter repairCopies;
    private Counter repairBytes;

    @PostConstruct
    void counters() {
        uploadCopies = meters.counter("p2p.chunks.sent", "purpose", "upload");
        uploadBytes = meters.counter("p2p.chunk.bytes.sent", "purpose", "upload");
        repairCopies = meters.counter("p2p.chunks.sent", "purpose", "repair");
        repairBytes = meters.counter("p2p.chunk.bytes.sent", "purpose", "repair");
    }

    /** Records a batch of an upload's chunks with their copies, and sends every copy. */
    public void dispatch(String fileId, List<Placed> batch) {
        StoredFile file = em.find(StoredFile.class, fileId);
        if (file == null) {
            throw Failure.notFound("file " + fileId + " was removed");
        }
        int copies = 0;
        for (Placed placed : batch) {
            Chunk chunk = placed.chunk();
            copies += placed.copies().size();
            FileChunk row = new FileChunk(file, chunk.index(), chunk.size(), chunk.sha256());
            em.persist(row);
            Set<String> nodes = placed.nodes();
            for (Copy copy : placed.copies()) {
                em.persist(row.add(ChunkCopy.uploaded(row, copy.nodeId())));
                Set<String> others = new HashSet<>(nodes);
                others.remove(copy.nodeId());
                departures.fire(new ChunkDeparture(ChunkParcel.copy(fileId, chunk.index(), copy.nodeId(), others,
                        chunk.sha256(), chunk.data()), copy.arrivalNanos()));
                uploadCopies.increment();
                uploadBytes.increment(chunk.size());
            }
        }
        // Last, so that the file's row is locked only for the commit: its answers update it meanwhile.
        int updated = em.createNamedQuery(StoredFile.CHUNKS_SENT).setParameter("id", fileId)
                .setParameter("chunks", batch.size()).setParameter("copies", copies).executeUpdate();
        if (updated == 0) {
            throw Failure.notFound("file " + fileId + " was removed or sealed while its chunks were sent");
        }
    }

    /** A repair copy of a chunk for {@code target}, read from a good copy, and when the bridge says it arrives. */
    public record Repair(String fileId, int index, String target, byte[] data, long arrivalNanos) {
    }

    /**
     * Records a batch of repair copies and sends them, in one transaction (one commit of the broker's journal
     * for many copies); returns the repairs that were not needed any more (see {@link #repair}).
     */
    public List<Repair> repair(List<Repair> batch) {
        return batch.stream().filter(r -> !repair(r.fileId(), r.index(), r.target(), r.data(), r.arrivalNanos())).toList();
    }

    /**
     * Records a repair copy of the chunk on {@code target} and sends it, unless the chunk is gone or
     * already has a copy there (a repair decided twice is made once). Returns whether it was sent.
     */
    private boolean repair(String fileId, int index, String target, byte[] data, long arrivalNanos) {
        FileChunk chunk = em.createNamedQuery(FileChunk.FIND, FileChunk.class).setParameter("fileId", fileId)
                .setParameter("index", index).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (chunk == null || chunk.hasCopyOn(target)) {
            return false;
        }
        Set<String> others = new HashSet<>();
        chunk.copies().forEach(c -> others.add(c.nodeId()));
        em.persist(chunk.add(ChunkCopy.repaired(chunk, target)));
        departures.fire(new ChunkDeparture(ChunkParcel.copy(fileId, index, target, others, chunk.sha256(), data),
                arrivalNanos));
        repairCopies.increment();
        repairBytes.increment(data.length);
        return true;
    }
}
