package org.p2pstorage.network.entity;

import java.time.Instant;

/**
 * Where scrubbing stands: its rate, whether a pass is running and how far it is, when the last full pass
 * started and ended, how many chunks have been re-read and how many bad copies were found.
 */
public record ScrubStatus(long bytesPerSecond, boolean running, long passes, Instant lastPassStartedAt,
                          Instant lastPassCompletedAt, Pass currentPass, long chunksVerified, long errorsFound) {

    /** The pass under way: chunks re-read of the chunks the nodes held when it started. */
    public record Pass(Instant startedAt, long chunksVerified, long chunksTotal) {
    }
}
