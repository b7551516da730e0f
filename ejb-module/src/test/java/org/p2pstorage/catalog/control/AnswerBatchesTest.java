package org.p2pstorage.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.p2pstorage.catalog.control.Acknowledgements.Answer;
import org.p2pstorage.storage.entity.StoreOutcome;
import org.p2pstorage.transfer.entity.ChunkReceipt;

class AnswerBatchesTest {

    private static ChunkReceipt receipt(int index, StoreOutcome outcome) {
        return new ChunkReceipt("file-1", index, "Node_01", "Node_01", outcome, null, 65536);
    }

    /** Stored answers are KEPT, refused ones make the file fail: each caller must get the answer for its own receipt. */
    private static Answer meaning(ChunkReceipt receipt) {
        return receipt.outcome().stored() ? Answer.KEPT : Answer.FAILED_NOW;
    }

    /**
     * A catalog whose first commit holds until the test has queued the other answers (so they pile up behind
     * it), that remembers the size of every group, and that cannot record the answer for chunk {@code bad}.
     */
    private static final class HeldCatalog {
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch firstCommitStarted = new CountDownLatch(1);
        final CountDownLatch othersQueued = new CountDownLatch(1);
        final int bad;

        HeldCatalog(int bad) {
            this.bad = bad;
        }

        List<Answer> recordAll(List<ChunkReceipt> receipts) {
            batchSizes.add(receipts.size());
            firstCommitStarted.countDown();
            try {
                othersQueued.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (receipts.stream().anyMatch(r -> r.index() == bad)) {
                throw new IllegalStateException("chunk " + bad + " cannot be recorded");
            }
            return receipts.stream().map(AnswerBatchesTest::meaning).toList();
        }
    }

    @Test
    void answersArrivingWhileOneCommitsAreRecordedTogetherAndEachCallerGetsItsOwn() throws Exception {
        AnswerBatches batches = new AnswerBatches();
        HeldCatalog catalog = new HeldCatalog(-1);
        Function<List<ChunkReceipt>, List<Answer>> recordAll = catalog::recordAll;
        CountDownLatch firstCommitStarted = catalog.firstCommitStarted;
        CountDownLatch othersQueued = catalog.othersQueued;
        List<Integer> batchSizes = catalog.batchSizes;
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<Answer> first = pool.submit(() -> batches.record(receipt(0, StoreOutcome.STORED), recordAll));
            firstCommitStarted.await(10, TimeUnit.SECONDS);
            List<Future<Answer>> others = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                StoreOutcome outcome = i % 2 == 0 ? StoreOutcome.STORED : StoreOutcome.NO_ROOM;
                int index = i;
                others.add(pool.submit(() -> batches.record(receipt(index, outcome), recordAll)));
            }
            while (queuedCount(batches) < 8) {
                Thread.onSpinWait();
            }
            othersQueued.countDown();
            assertEquals(Answer.KEPT, first.get(10, TimeUnit.SECONDS));
            for (int i = 1; i <= 8; i++) {
                assertEquals(i % 2 == 0 ? Answer.KEPT : Answer.FAILED_NOW, others.get(i - 1).get(10, TimeUnit.SECONDS));
            }
            assertEquals(List.of(1, 8), batchSizes, "the first answer alone, then the eight that waited in one batch");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchThatFailsIsRecordedOneByOneSoOnlyTheBadAnswerFails() throws Exception {
        AnswerBatches batches = new AnswerBatches();
        HeldCatalog catalog = new HeldCatalog(13);
        Function<List<ChunkReceipt>, List<Answer>> recordAll = catalog::recordAll;
        CountDownLatch firstCommitStarted = catalog.firstCommitStarted;
        CountDownLatch othersQueued = catalog.othersQueued;
        List<Integer> batchSizes = catalog.batchSizes;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Answer> first = pool.submit(() -> batches.record(receipt(0, StoreOutcome.STORED), recordAll));
            firstCommitStarted.await(10, TimeUnit.SECONDS);
            Future<Answer> before = pool.submit(() -> batches.record(receipt(12, StoreOutcome.STORED), recordAll));
            while (queuedCount(batches) < 1) {
                Thread.onSpinWait();
            }
            Future<Answer> bad = pool.submit(() -> batches.record(receipt(13, StoreOutcome.STORED), recordAll));
            while (queuedCount(batches) < 2) {
                Thread.onSpinWait();
            }
            Future<Answer> after = pool.submit(() -> batches.record(receipt(14, StoreOutcome.NO_ROOM), recordAll));
            while (queuedCount(batches) < 3) {
                Thread.onSpinWait();
            }
            othersQueued.countDown();
            assertEquals(Answer.KEPT, first.get(10, TimeUnit.SECONDS));
            assertEquals(Answer.KEPT, before.get(10, TimeUnit.SECONDS));
            assertEquals(Answer.FAILED_NOW, after.get(10, TimeUnit.SECONDS));
            ExecutionException failure = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
            assertEquals("chunk 13 cannot be recorded", failure.getCause().getMessage());
            assertEquals(List.of(1, 3, 1, 1, 1), batchSizes, "the batch of three failed and was recorded one by one");
        } finally {
            pool.shutdownNow();
        }
    }

    private static int queuedCount(AnswerBatches batches) {
        return batches.queued();
    }
}
