package org.p2pstorage.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.p2pstorage.catalog.entity.TransferProgress;

class TransferWatchTest {

    private static TransferProgress at(long acknowledged, long total, long elapsedMs, Long expectedMs) {
        return new TransferProgress("f", "video.mp4", "TRANSFERRING", 0, 10, 0, 20, 2, acknowledged, total,
                acknowledged * 100.0 / total, elapsedMs, expectedMs, 0, 0);
    }

    @Test
    void timeLeftComesFromTheMeasuredRateNotFromTheChunksBookedSoFar() {
        assertEquals(2_760, TransferWatch.remainingMs(at(31, 100, 1_240, 900L)), "31 % of a 4 s upload: 2.8 s, not 0.9 s");
        assertEquals(1_760, TransferWatch.remainingMs(at(56, 100, 2_240, 2_500L)));
        assertEquals(-1, TransferWatch.remainingMs(at(0, 100, 200, 1_000L)), "before any acknowledgement, nothing to say yet");
    }

    @Test
    void withoutAModelTheMeasuredRateSaysIt() {
        assertEquals(3_000, TransferWatch.remainingMs(at(25, 100, 1_000, null)));
        assertEquals(-1, TransferWatch.remainingMs(at(0, 100, 1_000, null)));
        assertEquals("estimating…", TransferWatch.timeLeft(at(0, 100, 1_000, null)));
        assertEquals("about 3.0 s left", TransferWatch.timeLeft(at(25, 100, 1_000, null)));
    }

    @Test
    void aCancelledUploadIsHiddenAndAnUploadCancelledByNameIsClaimedOnce() {
        TransferWatch watch = new TransferWatch();
        watch.update(at(1, 100, 10, null));
        watch.cancel("f");
        assertEquals(List.of(), watch.inOrder(List.of("f")));
        watch.cancelByName("slides.pdf");
        assertTrue(watch.claimCancelled("slides.pdf", "g"));
        assertTrue(watch.isCancelled("g"));
        assertFalse(watch.claimCancelled("slides.pdf", "h"));
    }

    @Test
    void aCancelThatCameWhileARefreshRanIsNotForgottenByIt() {
        TransferWatch watch = new TransferWatch();
        watch.update(at(1, 100, 10, null));
        List<String> watchedBefore = watch.watched();
        watch.cancel("g");
        watch.forget(watchedBefore, java.util.Set.of());
        assertTrue(watch.isCancelled("g"), "cancelled after the refresh began: kept");
        assertFalse(watch.watches("f"), "watched before and not found: deleted meanwhile, forgotten");
    }
}
