package org.p2pstorage.catalog.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.p2pstorage.catalog.entity.RunningUpload;

/**
 * Decides which of the uploads other servers are taking were abandoned: their server has been silent in the
 * shared registry for longer than {@code grace}. Only the server taking an upload hears its nodes' answers, so
 * without it the upload would stay TRANSFERRING for ever, its copies kept and its room held. The last sign of
 * life counted is the server's latest registry row or, when the registry names it no more (its nodes are
 * hosted elsewhere now), the start of the upload itself. The grace must be well above the registry's timeout:
 * a server that is only late (a long pause, a slow database) keeps its uploads.
 */
public record AbandonedUploads(Duration grace) {

    /** The shortest and longest time between two looks. */
    private static final Duration MIN_TICK = Duration.ofSeconds(1);
    private static final Duration MAX_TICK = Duration.ofSeconds(10);

    public AbandonedUploads {
        if (grace == null || grace.isNegative() || grace.isZero()) {
            throw new IllegalArgumentException("the orphan upload grace must be positive, not " + grace);
        }
    }

    /**
     * The uploads of {@code running} whose server (never {@code me}: this server's own interrupted uploads are
     * its restart's) has not been heard from for longer than the grace at {@code now}. Only silence this server
     * watched counts, from {@code watchingSince} (its start): after the whole deployment stopped, the first
     * server back gives the others a full grace to come back and finish their uploads themselves.
     */
    public List<RunningUpload> of(String me, Instant watchingSince, List<RunningUpload> running,
                                  Map<String, Instant> lastHeard, Instant now) {
        Instant cutoff = now.minus(grace);
        if (!watchingSince.isBefore(cutoff)) {
            return List.of();
        }
        return running.stream()
                .filter(upload -> upload.uploadedBy() != null && !upload.uploadedBy().equals(me))
                .filter(upload -> lastSign(upload, lastHeard).isBefore(cutoff))
                .toList();
    }

    /** When the upload's server was last known alive: its latest registry row, or the upload's start if later. */
    static Instant lastSign(RunningUpload upload, Map<String, Instant> lastHeard) {
        Instant heard = lastHeard.get(upload.uploadedBy());
        if (heard == null) {
            return upload.startedAt();
        }
        return heard.isAfter(upload.startedAt()) ? heard : upload.startedAt();
    }

    /** How often to look: a quarter of the grace, between one and ten seconds (the query reads every upload running). */
    public Duration tick() {
        Duration quarter = grace.dividedBy(4);
        if (quarter.compareTo(MIN_TICK) < 0) {
            return MIN_TICK;
        }
        return quarter.compareTo(MAX_TICK) > 0 ? MAX_TICK : quarter;
    }

    /** Why the file failed, as its owner reads it. */
    public String reason(RunningUpload upload) {
        long ms = grace.toMillis();
        return "the upload was given up: its server " + upload.uploadedBy() + " was silent for longer than "
                + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms");
    }
}
