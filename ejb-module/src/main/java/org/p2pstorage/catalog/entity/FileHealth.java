package org.p2pstorage.catalog.entity;

import java.util.Locale;

/**
 * Whether a file (or one chunk) survives what the network looks like now. HEALTHY: every chunk has all
 * its copies stored on live nodes. DEGRADED: some chunk has fewer, but every chunk still has one good live
 * copy, so it downloads. UNAVAILABLE: some chunk has no good live copy; it cannot be downloaded now.
 */
public enum FileHealth {
    HEALTHY,
    DEGRADED,
    UNAVAILABLE;

    /** The health of a chunk with {@code live} good copies on live nodes, of the {@code replicas} it should have. */
    public static FileHealth of(long live, int replicas) {
        if (live <= 0) {
            return UNAVAILABLE;
        }
        return live >= replicas ? HEALTHY : DEGRADED;
    }

    /** The worse of the two. */
    public FileHealth and(FileHealth other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** As the API writes it: {@code healthy}, {@code degraded}, {@code unavailable}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
