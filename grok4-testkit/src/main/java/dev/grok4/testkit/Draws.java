package dev.grok4.testkit;

/**
 * A tiny SplitMix64 sequence. Each request gets its own instance derived from a seed and the
 * request's sequence number, so draws are reproducible without sharing a lock between threads.
 */
final class Draws {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    private Draws(long state) {
        this.state = state;
    }

    static Draws forSequence(long seed, long sequence) {
        return new Draws(seed ^ mix(sequence * GOLDEN_GAMMA + GOLDEN_GAMMA));
    }

    /** Returns a uniformly distributed value in {@code [0, 1)}. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
