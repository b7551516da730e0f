package org.p2pstorage.monitoring.control;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value computed at most once per {@code maxAge}: one scrape of the metrics endpoint reads many meters
 * from the same report (the network's statistics, repair's status), which is computed once for all of them.
 */
public final class Recent<T> implements Supplier<T> {

    private final Supplier<T> source;
    private final long maxAgeNanos;
    private T value;
    private long takenAt;

    public Recent(Supplier<T> source, Duration maxAge) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - takenAt >= maxAgeNanos) {
            value = source.get();
            takenAt = now;
        }
        return value;
    }
}
