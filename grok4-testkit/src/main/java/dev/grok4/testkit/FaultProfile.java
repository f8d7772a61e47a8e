package dev.grok4.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Random faults the simulator injects into chat completions that have no scripted response.
 *
 * <p>For every such request the simulator rolls each fault once, in this order: rate limit,
 * server error, connection reset, slow headers, stream cut and error frame. The first of the
 * three terminal faults (rate limit, server error, reset) that hits decides the response. Slow
 * headers add a delay on top of the latency profile. Stream cut and error frame only apply to
 * streaming requests, and a cut wins over an error frame. Rolls come from the seed and the
 * request's sequence number, so a single-threaded run is reproducible.
 *
 * <p>Instances are immutable and thread-safe. Build them with {@link #builder()}:
 *
 * <pre>{@code
 * simulator.faults(FaultProfile.builder()
 *         .seed(7)
 *         .rateLimited(0.1, Duration.ofSeconds(2))
 *         .streamCut(0.05)
 *         .build());
 * }</pre>
 *
 * @since 0.1
 */
public final class FaultProfile {
    private static final FaultProfile NONE = builder().build();

    private final long seed;
    private final double rateLimited;
    private final Duration retryAfter;
    private final double serverError;
    private final double connectionReset;
    private final double slowHeaders;
    private final Duration slowHeadersDelay;
    private final double streamCut;
    private final double errorFrame;

    private FaultProfile(Builder builder) {
        this.seed = builder.seed;
        this.rateLimited = builder.rateLimited;
        this.retryAfter = builder.retryAfter;
        this.serverError = builder.serverError;
        this.connectionReset = builder.connectionReset;
        this.slowHeaders = builder.slowHeaders;
        this.slowHeadersDelay = builder.slowHeadersDelay;
        this.streamCut = builder.streamCut;
        this.errorFrame = builder.errorFrame;
    }

    /**
     * Returns a profile that injects no faults. This is the simulator's default.
     *
     * @return the shared fault-free profile
     */
    public static FaultProfile none() {
        return NONE;
    }

    /**
     * Returns a builder with every probability at zero and seed 0.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Rolls the faults for one request. */
    FaultPlan plan(long sequence, boolean stream) {
        Draws draws = Draws.forSequence(seed, sequence);
        boolean limited = draws.nextDouble() < rateLimited;
        boolean failed = draws.nextDouble() < serverError;
        boolean reset = draws.nextDouble() < connectionReset;
        boolean slow = draws.nextDouble() < slowHeaders;
        boolean cut = draws.nextDouble() < streamCut;
        boolean frame = draws.nextDouble() < errorFrame;
        FaultPlan.Terminal terminal = limited ? FaultPlan.Terminal.RATE_LIMITED
                : failed ? FaultPlan.Terminal.SERVER_ERROR
                : reset ? FaultPlan.Terminal.CONNECTION_RESET
                : FaultPlan.Terminal.NONE;
        FaultPlan.StreamFault streamFault = !stream ? FaultPlan.StreamFault.NONE
                : cut ? FaultPlan.StreamFault.CUT
                : frame ? FaultPlan.StreamFault.ERROR_FRAME
                : FaultPlan.StreamFault.NONE;
        return new FaultPlan(terminal, slow ? slowHeadersDelay : Duration.ZERO, retryAfter,
                streamFault);
    }

    @Override
    public String toString() {
        return "FaultProfile[seed=" + seed + ", rateLimited=" + rateLimited
                + ", serverError=" + serverError + ", connectionReset=" + connectionReset
                + ", slowHeaders=" + slowHeaders + ", streamCut=" + streamCut
                + ", errorFrame=" + errorFrame + "]";
    }

    /**
     * Collects fault probabilities. Each probability must lie in {@code [0, 1]}; calling a
     * method twice keeps the last value. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private long seed;
        private double rateLimited;
        private Duration retryAfter = Duration.ofSeconds(1);
        private double serverError;
        private double connectionReset;
        private double slowHeaders;
        private Duration slowHeadersDelay = Duration.ZERO;
        private double streamCut;
        private double errorFrame;

        private Builder() {
        }

        /**
         * Sets the seed of the fault rolls. Defaults to 0.
         *
         * @param seed any value
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Answers with HTTP 429, a {@code Retry-After} header in whole seconds (rounded up) and
         * an OpenAI error body of type {@code requests} and code {@code rate_limit_exceeded}.
         *
         * @param probability the chance per request, in {@code [0, 1]}
         * @param retryAfter the advertised wait; not negative
         * @return this builder
         * @throws IllegalArgumentException if a value is out of range
         */
        public Builder rateLimited(double probability, Duration retryAfter) {
            this.rateLimited = checkProbability(probability, "rateLimited");
            this.retryAfter = checkNotNegative(retryAfter, "retryAfter");
            return this;
        }

        /**
         * Answers with HTTP 503 and an OpenAI error body of type {@code server_error}.
         *
         * @param probability the chance per request, in {@code [0, 1]}
         * @return this builder
         * @throws IllegalArgumentException if the probability is out of range
         */
        public Builder serverError(double probability) {
            this.serverError = checkProbability(probability, "serverError");
            return this;
        }

        /**
         * Reads the request, then resets the connection (TCP RST) without writing anything.
         *
         * @param probability the chance per request, in {@code [0, 1]}
         * @return this builder
         * @throws IllegalArgumentException if the probability is out of range
         */
        public Builder connectionReset(double probability) {
            this.connectionReset = checkProbability(probability, "connectionReset");
            return this;
        }

        /**
         * Waits an extra {@code delay} before writing the response headers.
         *
         * @param probability the chance per request, in {@code [0, 1]}
         * @param delay the extra wait; not negative
         * @return this builder
         * @throws IllegalArgumentException if a value is out of range
         */
        public Builder slowHeaders(double probability, Duration delay) {
            this.slowHeaders = checkProbability(probability, "slowHeaders");
            this.slowHeadersDelay = checkNotNegative(delay, "delay");
            return this;
        }

        /**
         * For streaming requests, closes the connection halfway through the event stream,
         * without {@code data: [DONE]} and without the terminating chunk.
         *
         * @param probability the chance per streaming request, in {@code [0, 1]}
         * @return this builder
         * @throws IllegalArgumentException if the probability is out of range
         */
        public Builder streamCut(double probability) {
            this.streamCut = checkProbability(probability, "streamCut");
            return this;
        }

        /**
         * For streaming requests, sends an error event ({@code data: {"error": ...}}) halfway
         * through the content and ends the stream there, without {@code data: [DONE]}.
         *
         * @param probability the chance per streaming request, in {@code [0, 1]}
         * @return this builder
         * @throws IllegalArgumentException if the probability is out of range
         */
        public Builder errorFrame(double probability) {
            this.errorFrame = checkProbability(probability, "errorFrame");
            return this;
        }

        /**
         * Returns an immutable profile with the current settings.
         *
         * @return the profile
         */
        public FaultProfile build() {
            return new FaultProfile(this);
        }

        private static double checkProbability(double probability, String name) {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException(
                        name + " probability must be in [0, 1], got " + probability);
            }
            return probability;
        }

        private static Duration checkNotNegative(Duration duration, String name) {
            requireNonNull(duration, name);
            if (duration.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + duration);
            }
            return duration;
        }
    }
}
