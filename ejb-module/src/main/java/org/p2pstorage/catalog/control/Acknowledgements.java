package org.p2pstorage.catalog.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.p2pstorage.catalog.entity.ChunkCopy;
import org.p2pstorage.catalog.entity.CopyState;
import org.p2pstorage.catalog.entity.FileChunk;
import org.p2pstorage.catalog.entity.FileSettled;
import org.p2pstorage.catalog.entity.FileStatus;
import org.p2pstorage.catalog.entity.StoredFile;
import org.p2pstorage.transfer.entity.ChunkReceipt;

/**
 * Records the nodes' answers for copies of chunks. An answer is matched to its copy by chunk and node,
 * so a redelivered answer (Artemis redelivers after a crash) finds its copy already answered and is
 * counted once. Answers are recorded in batches ({@link AnswerBatches}): one transaction, and one lock
 * on each file still transferring (whose counters they change), for all the answers that arrived
 * together; answers for an available file (repair copies) change only their copy.
 */
@Stateless
public class Acknowledgements {

    /** What an answer means for the node that sent it. */
    public enum Answer {
        /** Recorded; nothing more to do. */
        KEPT,
        /** The copy was stored but its file is gone or failed: the node must drop it. */
        ORPHAN,
        /** This answer made the file fail: the copies it already has on nodes must be dropped. */
        FAILED_NOW,
        /** A repair copy was stored: its chunk is one copy stronger. */
        REPAIRED
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<FileSettled> settled;

    @Inject
    MeterRegistry meters;

    private Counter stored;
    private Counter refused;

    @PostConstruct
    void counters() {
        stored = meters.counter("p2p.chunks.acknowledged", "outcome", "stored");
        refused = meters.counter("p2p.chunks.acknowledged", "outcome", "refused");
    }

    /**
     * Records a batch of answers in this one transaction, and says what each means, in order. The files
     * still transferring are locked first, in the order of their ids (so two batches never wait for each
     * other crosswise), and once: their counters then change under that lock. A file an answer settles
     * (AVAILABLE or FAILED) is announced with {@link FileSettled} when the transaction commits.
     */
    public List<Answer> recordAll(List<ChunkReceipt> receipts) {
        Map<String, StoredFile> files = new TreeMap<>();
        receipts.forEach(r -> files.put(r.fileId(), null));
        Map<String, FileStatus> before = new TreeMap<>();
        for (String fileId : files.keySet()) {
            StoredFile file = em.find(StoredFile.class, fileId);
            if (file != null && file.status() != FileStatus.AVAILABLE) {
                em.refresh(file, LockModeType.PESSIMISTIC_WRITE);
            }
            files.put(fileId, file);
            if (file != null) {
                before.put(fileId, file.status());
            }
        }
        List<Answer> answers = new ArrayList<>(receipts.size());
        for (ChunkReceipt receipt : receipts) {
            StoredFile file = files.get(receipt.fileId());
            answers.add(file == null ? (receipt.outcome().stored() ? Answer.ORPHAN : Answer.KEPT)
                    : record(file, receipt));
        }
        before.forEach((fileId, status) -> {
            if (status == FileStatus.TRANSFERRING && files.get(fileId).status() != FileStatus.TRANSFERRING) {
                settled.fire(new FileSettled(fileId));
            }
        });
        return answers;
    }

    /** Counts an answer in the metrics, once it is recorded (a copy sent on counts when its new node answers). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void counted(ChunkReceipt receipt) {
        if (!receipt.moved()) {
            (receipt.outcome().stored() ? stored : refused).increment();
        }
    }

    private Answer record(StoredFile file, ChunkReceipt receipt) {
        boolean stored = receipt.outcome().stored();
        Optional<FileChunk> chunk = em.createNamedQuery(FileChunk.FIND, FileChunk.class)
                .setParameter("fileId", receipt.fileId()).setParameter("index", receipt.index())
                .getResultStream().findFirst();
        Optional<ChunkCopy> answered = chunk.flatMap(c -> c.copies().stream()
                .filter(copy -> copy.answersTo(receipt.nodeId(), receipt.placedOn())).findFirst());
        if (answered.isEmpty()) {
            boolean unwanted = file.status() == FileStatus.FAILED
                    || chunk.map(c -> !c.hasCopyOn(receipt.nodeId())).orElse(true);
            return stored && unwanted ? Answer.ORPHAN : Answer.KEPT;
        }
        ChunkCopy copy = answered.get();
        if (receipt.moved()) {
            if (copy.nodeId().equals(receipt.nodeId())) {
                copy.moveTo(receipt.movedTo());
            }
            return Answer.KEPT;
        }
        if (copy.repair()) {
            return repairAnswered(chunk.get(), copy, receipt, stored);
        }
        return uploadAnswered(file, chunk.get(), copy, receipt, stored);
    }

    private Answer repairAnswered(FileChunk chunk, ChunkCopy copy, ChunkReceipt receipt, boolean stored) {
        if (stored) {
            copy.answered(receipt.nodeId(), true);
            return Answer.REPAIRED;
        }
        chunk.remove(copy);
        em.remove(copy);
        return Answer.KEPT;
    }

    /**
     * An upload's copy answered: its file's counters change (under the lock {@link #recordAll} took on a
     * file still transferring, so the seal and the last answer see each other's counts).
     */
    private Answer uploadAnswered(StoredFile file, FileChunk chunk, ChunkCopy copy, ChunkReceipt receipt,
                                  boolean stored) {
        boolean otherCopies = chunk.copies().stream()
                .anyMatch(c -> c != copy && c.state() != CopyState.REJECTED);
        if (!stored && receipt.outcome() == org.p2pstorage.storage.entity.StoreOutcome.OFFLINE && otherCopies
                && file.status() == FileStatus.TRANSFERRING) {
            chunk.remove(copy);
            em.remove(copy);
            file.copyWithdrawn();
            return Answer.KEPT;
        }
        FileStatus before = file.status();
        copy.answered(receipt.nodeId(), stored);
        file.acknowledge(stored, reason(receipt));

        if (file.status() == FileStatus.FAILED) {
            if (before != FileStatus.FAILED) {
                return Answer.FAILED_NOW;
            }
            return stored ? Answer.ORPHAN : Answer.KEPT;
        }
        return Answer.KEPT;
    }

    private static String reason(ChunkReceipt receipt) {
        String why = switch (receipt.outcome()) {
            case NO_ROOM -> "had no room for it";
            case CORRUPT -> "received it damaged";
            case OFFLINE -> "was stopped and no other node could take it";
            case FAILED -> "could not write it";
            case STORED -> "stored it";
        };
        return "chunk " + receipt.index() + " could not be stored: " + receipt.nodeId() + " " + why;
    }
}
