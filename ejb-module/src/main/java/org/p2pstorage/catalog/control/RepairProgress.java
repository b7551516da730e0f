package org.p2pstorage.catalog.control;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.p2pstorage.catalog.entity.RepairStatus;

/**
 * What repair has done since the server started: copies and bytes moved, bad copies found (by readers
 * and by the scrubber), repair traffic per node, and the rounds of repair with their times on the link
 * model and as they went. Counters only, kept in memory: the work itself lives in the catalog.
 */
@ApplicationScoped
public class RepairProgress {

    private static final Logger LOG = Logger.getLogger(RepairProgress.class.getName());

    private final AtomicLong copiesRepaired = new AtomicLong();
    private final AtomicLong bytesMoved = new AtomicLong();
    private final AtomicLong badCopies = new AtomicLong();
    private final AtomicLong scrubFound = new AtomicLong();
    private final AtomicLong scrubRepaired = new AtomicLong();
    private final Map<String, AtomicLong> bytesIn = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> bytesOut = new ConcurrentHashMap<>();
    /** Chunks whose bad copy the scrubber found, until a repair copy of them lands. */
    private final Map<String, Boolean> scrubbed = new ConcurrentHashMap<>();

    private Instant runStartedAt;
    private long runFirstStartNanos;
    private long runLastArrivalNanos;
    private long runLastStoredNanos;
    private long runCopies;
    private long runBytes;
    private RepairStatus.Run lastRun;

    /** A repair copy was booked from {@code source} to {@code target}. */
    public synchronized void sent(String source, String target, long bytes, long startNanos, long arrivalNanos) {
        if (runStartedAt == null) {
            runStartedAt = Instant.now();
            runFirstStartNanos = startNanos;
            runLastArrivalNanos = arrivalNanos;
            runCopies = 0;
            runBytes = 0;
        }
        runFirstStartNanos = Math.min(runFirstStartNanos, startNanos);
        runLastArrivalNanos = Math.max(runLastArrivalNanos, arrivalNanos);
        runCopies++;
        runBytes += bytes;
        bytesOut.computeIfAbsent(source, n -> new AtomicLong()).addAndGet(bytes);
        bytesIn.computeIfAbsent(target, n -> new AtomicLong()).addAndGet(bytes);
    }

    /** A repair copy was stored by its node. */
    public synchronized void stored(String fileId, int index, long bytes) {
        copiesRepaired.incrementAndGet();
        bytesMoved.addAndGet(bytes);
        runLastStoredNanos = System.nanoTime();
        if (scrubbed.remove(fileId + "#" + index) != null) {
            scrubRepaired.incrementAndGet();
        }
    }

    /** A bad copy was found (missing, unreadable, damaged), by a reader or by the scrubber. */
    public void badCopy(String fileId, int index, boolean byScrub) {
        badCopies.incrementAndGet();
        if (byScrub) {
            scrubFound.incrementAndGet();
            scrubbed.put(fileId + "#" + index, Boolean.TRUE);
        }
    }

    /** Nothing is left to repair and nothing is on its way: the round, if one ran, is over. */
    public synchronized void idle() {
        if (runStartedAt != null && runLastStoredNanos != 0) {
            lastRun = new RepairStatus.Run(runStartedAt, Instant.now(), runCopies, runBytes,
                    Math.max(0, (runLastArrivalNanos - runFirstStartNanos) / 1_000_000),
                    Math.max(0, (runLastStoredNanos - runFirstStartNanos) / 1_000_000));
            LOG.log(Level.INFO, "repair round done: {0}", lastRun);
        }
        runStartedAt = null;
        runLastStoredNanos = 0;
    }

    public long copiesRepaired() {
        return copiesRepaired.get();
    }

    public long bytesMoved() {
        return bytesMoved.get();
    }

    public long badCopies() {
        return badCopies.get();
    }

    public long scrubFound() {
        return scrubFound.get();
    }

    public long scrubRepaired() {
        return scrubRepaired.get();
    }

    public long bytesIn(String node) {
        return Optional.ofNullable(bytesIn.get(node)).map(AtomicLong::get).orElse(0L);
    }

    public long bytesOut(String node) {
        return Optional.ofNullable(bytesOut.get(node)).map(AtomicLong::get).orElse(0L);
    }

    public synchronized RepairStatus.Run lastRun() {
        return lastRun;
    }
}
