package dev.stonks.inttest.stonks.dataset;

import java.util.List;
import java.util.UUID;

/**
 * SplitMix64, written out so the dataset does not depend on a JDK generator's unspecified details: the same
 * seed gives the same sequence on every JVM, forever.
 */
final class Prng {

    private long state;

    Prng(long seed) {
        this.state = seed;
    }

    static Prng of(UUID id) {
        return new Prng(id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 17));
    }

    /** A generator for a pair of numbers (e.g. an entity's seed and a day), without hashing a name. */
    static Prng mix(long a, long b) {
        return new Prng(a * 0x9E3779B97F4A7C15L ^ Long.rotateLeft(b * 0xBF58476D1CE4E5B9L, 29) ^ b);
    }

    long state() {
        return state;
    }

    long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** Uniform in [min, max]. */
    int between(int min, int max) {
        return min + nextInt(max - min + 1);
    }

    /** Uniform in [min, max). */
    double between(double min, double max) {
        return min + (max - min) * nextDouble();
    }

    <T> T pick(List<T> items) {
        return items.get(nextInt(items.size()));
    }
}
