package org.p2pstorage.catalog.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.p2pstorage.catalog.control.Acknowledgements.Answer;
import org.p2pstorage.transfer.entity.ChunkReceipt;

/**
 * Records the nodes' answers in groups (a group commit). Every answer used to be a transaction of its own
 * that locked its file's row, so a fast upload's answers queued one behind the other on that lock and on
 * the database's commit: a few hundred answers a second, whatever the disks could do. Here the consumer
 * threads that bring answers while one transaction commits wait for it (real work, not simulated time);
 * the next of them then records all the answers that piled up meanwhile in one transaction. Each caller
 * returns once its own answer is committed, so a message is still acknowledged to the broker only after
 * its answer is in the catalog. A batch that fails is recorded again one answer at a time, so one bad
 * answer fails only its own caller.
 */
@ApplicationScoped
public class AnswerBatches {

    private static final Logger LOG = Logger.getLogger(AnswerBatches.class.getName());
    /** At most this many answers in one transaction. */
    static final int MOST = 512;

    private record Pending(ChunkReceipt receipt, CompletableFuture<Answer> answer) {
    }

    private final Queue<Pending> queued = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();

    @Inject
    Acknowledgements acknowledgements;

    /** Records the answer, together with the others that arrive meanwhile; returns what it means. */
    public Answer record(ChunkReceipt receipt) {
        Answer answer = record(receipt, acknowledgements::recordAll);
        acknowledgements.counted(receipt); // once committed: an answer of a group recorded again one by one counts once
        return answer;
    }

    Answer record(ChunkReceipt receipt, Function<List<ChunkReceipt>, List<Answer>> recordAll) {
        Pending mine = new Pending(receipt, new CompletableFuture<>());
        queued.add(mine);
        committing.lock();
        try {
            while (!mine.answer().isDone()) {
                commitQueued(recordAll);
            }
        } finally {
            committing.unlock();
        }
        try {
            return mine.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** How many answers wait for the next transaction. */
    int queued() {
        return queued.size();
    }

    /** Takes what is queued (up to {@link #MOST}) and records it in one transaction, or one by one if that fails. */
    private void commitQueued(Function<List<ChunkReceipt>, List<Answer>> recordAll) {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MOST && (next = queued.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            List<Answer> answers = recordAll.apply(batch.stream().map(Pending::receipt).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).answer().completeExceptionally(e);
                return;
            }
            LOG.log(Level.WARNING, "a batch of {0} answers could not be recorded together; recording them one by one: {1}",
                    new Object[]{batch.size(), e.toString()});
            for (Pending pending : batch) {
                try {
                    pending.answer().complete(recordAll.apply(List.of(pending.receipt())).get(0));
                } catch (RuntimeException one) {
                    pending.answer().completeExceptionally(one);
                }
            }
        }
    }
}
