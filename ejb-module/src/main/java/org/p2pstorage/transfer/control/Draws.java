package org.p2pstorage.transfer.control;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The simulation's randomness, all from one seed. Every draw is keyed by what it is for (which chunk,
 * which attempt, which link event) instead of being taken from one shared sequence, so that the same
 * seed and the same workload give the same delays and losses however the server's threads interleave.
 */
public final class Draws {

    private final long seed;

    public Draws(long seed) {
        this.seed = seed;
    }

    /** A number in [0, 1) for this key. */
    public double uniform(String key, int attempt, String purpose) {
        return generator(key, attempt, purpose).nextDouble();
    }

    /** A whole number in [min, max] for this key. */
    public int between(String key, int attempt, String purpose, int min, int max) {
        if (max <= min) {
            return min;
        }
        return min + generator(key, attempt, purpose).nextInt(max - min + 1);
    }

    private SplittableRandom generator(String key, int attempt, String purpose) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (byte b : (key + '|' + attempt + '|' + purpose).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001B3L;
        }
        return new SplittableRandom(h);
    }
}
