package dev.grok4.internal.resilience;

import static java.util.Objects.requireNonNull;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import dev.grok4.model.Usage;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a client within a requests-per-minute and a tokens-per-minute budget, on Bucket4j.
 *
 * <p>Each budget is a bucket holding the per-minute amount, refilled <em>intervally</em>: the
 * whole amount comes back once per minute, so no window of a minute ever grants more than the
 * limit (greedy refill would hand out tokens early, which lets a process that joins late exceed
 * a shared quota). A limit of 0 means no bucket at all.
 *
 * <p>A call {@linkplain #reserve reserves} one request and an <em>estimate</em> of its tokens
 * before it is sent (an estimate above the whole budget is clamped to it), then
 * {@linkplain Reservation#correct(Usage) corrects} the tokens with the usage the server
 * reported: the extra is consumed even past zero, a surplus is given back. When the budget
 * cannot cover a reservation within {@code permitTimeout}, the reservation fails at once with
 * {@link ErrorKind#LIMIT_EXCEEDED} instead of waiting in vain.
 *
 * <p>Buckets live in this JVM unless {@code rateLimitStore} is {@code REDIS}; then they live in
 * Redis (see {@code RedisBuckets}) and every process using the same API key shares them.
 * Thread-safe.
 *
 * @since 0.1
 */
public final class RateLimiter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RateLimiter.class.getName());
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final @Nullable Bucket requests;
    private final @Nullable Bucket tokens;
    private final int requestsPerMinute;
    private final int tokensPerMinute;
    private final Duration permitTimeout;
    private final @Nullable AutoCloseable store;

    RateLimiter(@Nullable Bucket requests, @Nullable Bucket tokens, int requestsPerMinute,
            int tokensPerMinute, Duration permitTimeout, @Nullable AutoCloseable store) {
        this.requests = requests;
        this.tokens = tokens;
        this.requestsPerMinute = requestsPerMinute;
        this.tokensPerMinute = tokensPerMinute;
        this.permitTimeout = requireNonNull(permitTimeout, "permitTimeout");
        this.store = store;
    }

    /** Returns a limiter that never limits. */
    public static RateLimiter unlimited() {
        return new RateLimiter(null, null, 0, 0, Duration.ofSeconds(1), null);
    }

    /**
     * Returns the limiter a configuration asks for: {@code requestsPerMinute},
     * {@code tokensPerMinute}, {@code permitTimeout}, {@code rateLimitStore}, and for Redis
     * {@code redisUrl} and {@code cacheKeyPrefix}.
     *
     * @param apiKey the key whose quota the Redis buckets track; only its SHA-256 fingerprint is
     *     stored. May be null for local buckets.
     * @throws Grok4Exception {@link ErrorKind#CONFIGURATION} when Redis is asked for but Lettuce
     *     or {@code bucket4j_jdk17-lettuce} is missing, or Redis is unreachable
     */
    public static RateLimiter from(Grok4Config config, @Nullable String apiKey) {
        return from(config, apiKey, TimeMeter.SYSTEM_MILLISECONDS);
    }

    /** As {@link #from(Grok4Config, String)}, with local buckets reading {@code clock}. */
    static RateLimiter from(Grok4Config config, @Nullable String apiKey, Clock clock) {
        return from(config, apiKey, new ClockTimeMeter(clock));
    }

    private static RateLimiter from(Grok4Config config, @Nullable String apiKey, TimeMeter time) {
        int rpm = config.requestsPerMinute();
        int tpm = config.tokensPerMinute();
        if (rpm <= 0 && tpm <= 0) {
            return unlimited();
        }
        if (config.rateLimitStore() == Grok4Config.RateLimitStore.REDIS) {
            requireRedisSupport();
            return RedisBuckets.limiter(config, apiKey);
        }
        return new RateLimiter(rpm > 0 ? localBucket(rpm, time) : null,
                tpm > 0 ? localBucket(tpm, time) : null, rpm, tpm, config.permitTimeout(), null);
    }

    /** Checks for the optional libraries before any class that links against them loads. */
    private static void requireRedisSupport() {
        for (String type : new String[] {"io.lettuce.core.RedisClient",
                "io.github.bucket4j.redis.lettuce.Bucket4jLettuce"}) {
            try {
                Class.forName(type, false, RateLimiter.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new Grok4Exception(ErrorKind.CONFIGURATION, "rateLimitStore REDIS needs "
                        + "io.lettuce:lettuce-core and com.bucket4j:bucket4j_jdk17-lettuce on the "
                        + "classpath; add them or use rateLimitStore LOCAL", e);
            }
        }
    }

    /** Returns the bucket configuration of a per-minute budget. */
    static BucketConfiguration perMinute(int amount) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(amount).refillIntervally(amount, MINUTE))
                .build();
    }

    private static Bucket localBucket(int amount, TimeMeter time) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(amount).refillIntervally(amount, MINUTE))
                .withCustomTimePrecision(time)
                .build();
    }

    /** Returns whether this limiter has no budget at all. */
    public boolean isUnlimited() {
        return requests == null && tokens == null;
    }

    /**
     * Reserves one request and {@code estimatedTokens} tokens, blocking up to
     * {@code permitTimeout} when the budget refills within that time.
     *
     * @param estimatedTokens the expected prompt plus output tokens, 0 or more
     * @throws Grok4Exception {@link ErrorKind#LIMIT_EXCEEDED} when the budget cannot cover it in
     *     time, or the thread is interrupted (its flag set again)
     */
    public Reservation reserve(int estimatedTokens) {
        int wanted = clampTokens(estimatedTokens);
        try {
            take(requests, 1, requestsPerMinute, "requestsPerMinute", "request");
            try {
                take(tokens, wanted, tokensPerMinute, "tokensPerMinute", "token");
            } catch (RuntimeException | InterruptedException e) {
                quietlyGiveBack(requests, 1);
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Grok4Exception(ErrorKind.LIMIT_EXCEEDED,
                    "Interrupted while waiting for the rate limit", e);
        }
        return new Reservation(wanted);
    }

    /**
     * Reserves like {@link #reserve(int)} without parking a thread: waits are scheduled.
     *
     * @return a future of the reservation, failed with {@link ErrorKind#LIMIT_EXCEEDED} when the
     *     budget cannot cover it within {@code permitTimeout}
     */
    public CompletableFuture<Reservation> reserveAsync(int estimatedTokens) {
        int wanted = clampTokens(estimatedTokens);
        return takeAsync(requests, 1, requestsPerMinute, "requestsPerMinute", "request")
                .thenCompose(ignored -> takeAsync(tokens, wanted, tokensPerMinute,
                        "tokensPerMinute", "token")
                        .whenComplete((ok, error) -> {
                            if (error != null) {
                                quietlyGiveBack(requests, 1);
                            }
                        }))
                .thenApply(ignored -> new Reservation(wanted));
    }

    private int clampTokens(int estimatedTokens) {
        if (estimatedTokens < 0) {
            throw new IllegalArgumentException(
                    "Invalid estimatedTokens: " + estimatedTokens + "; expected 0 or more");
        }
        return tokens == null ? 0 : Math.min(estimatedTokens, tokensPerMinute);
    }

    private void take(@Nullable Bucket bucket, long amount, int limit, String setting,
            String unit) throws InterruptedException {
        if (bucket == null || amount == 0) {
            return;
        }
        boolean granted;
        try {
            granted = bucket.asBlocking().tryConsume(amount, permitTimeout);
        } catch (RuntimeException e) {
            throw storeFailure(e);
        }
        if (!granted) {
            throw exceeded(amount, limit, setting, unit);
        }
    }

    private CompletableFuture<Void> takeAsync(@Nullable Bucket bucket, long amount, int limit,
            String setting, String unit) {
        if (bucket == null || amount == 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Boolean> granted;
        try {
            granted = bucket.asScheduler().tryConsume(amount, permitTimeout, Scheduler.INSTANCE);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(storeFailure(e));
        }
        return granted.handle((ok, error) -> {
            if (error != null) {
                throw storeFailure(RetryExecutor.unwrap(error));
            }
            if (!ok) {
                throw exceeded(amount, limit, setting, unit);
            }
            return null;
        });
    }

    /** Maps a failure of the bucket store (Redis) to a client error. */
    private static Grok4Exception storeFailure(RuntimeException e) {
        if (e instanceof Grok4Exception g) {
            return g;
        }
        return new Grok4Exception(ErrorKind.CONNECTION, "The rate-limit store failed ("
                + e.getClass().getSimpleName() + "); check that Redis at redisUrl is up", e);
    }

    private Grok4Exception exceeded(long amount, int limit, String setting, String unit) {
        return new Grok4Exception(ErrorKind.LIMIT_EXCEEDED, "The budget of " + limit + " " + unit
                + "s per minute cannot cover " + amount + " more " + unit + (amount == 1 ? "" : "s")
                + " within " + Durations.format(permitTimeout) + "; raise " + setting
                + " or permitTimeout", null);
    }

    private static void giveBack(@Nullable Bucket bucket, long amount) {
        if (bucket != null && amount > 0) {
            bucket.addTokens(amount);
        }
    }

    /** Gives back what a failed reservation took; a store failure here is only logged. */
    private static void quietlyGiveBack(@Nullable Bucket bucket, long amount) {
        try {
            giveBack(bucket, amount);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not give back " + amount
                    + " to the rate-limit budget; the rate-limit store failed", e);
        }
    }

    /** Returns the requests left in the current minute, or -1 when requests are unlimited. */
    long availableRequests() {
        return requests == null ? -1 : requests.getAvailableTokens();
    }

    /** Returns the tokens left (negative when overdrawn), or -1 when tokens are unlimited. */
    long availableTokens() {
        return tokens == null ? -1 : tokens.getAvailableTokens();
    }

    /** Closes the Redis connection, if any. */
    @Override
    public void close() {
        if (store != null) {
            try {
                store.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG,
                        "Closing the rate-limit store failed", e);
            }
        }
    }

    /**
     * Tokens reserved for one call, corrected once its usage is known. Thread-safe; the first
     * correction or refund wins and later ones do nothing.
     */
    public final class Reservation {
        private final int reservedTokens;
        private boolean settled;

        private Reservation(int reservedTokens) {
            this.reservedTokens = reservedTokens;
        }

        /** Returns the tokens reserved (the estimate, clamped to the per-minute budget). */
        public int reservedTokens() {
            return reservedTokens;
        }

        /**
         * Settles the reservation with the reported usage: prompt tokens plus output tokens
         * (which include xAI's reasoning tokens). A null usage keeps the estimate.
         */
        public void correct(@Nullable Usage usage) {
            if (usage != null) {
                correct(usage.inputTokens() + usage.outputTokens());
            } else {
                settle();
            }
        }

        /**
         * Settles the reservation with the tokens actually used. Never throws: the call has
         * already succeeded, so a store failure is logged as a WARNING instead.
         */
        public void correct(int actualTokens) {
            if (settle()) {
                adjust(actualTokens);
            }
        }

        /** Gives back the reserved tokens, for a call that was never sent. Never throws. */
        public void refund() {
            if (settle()) {
                adjust(0);
            }
        }

        private void adjust(int actualTokens) {
            if (tokens == null) {
                return;
            }
            long difference = (long) actualTokens - reservedTokens;
            try {
                if (difference > 0) {
                    tokens.consumeIgnoringRateLimits(difference);
                } else {
                    giveBack(tokens, -difference);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Could not correct the token budget by "
                        + difference + " tokens; the rate-limit store failed", e);
            }
        }

        private synchronized boolean settle() {
            boolean first = !settled;
            settled = true;
            return first;
        }
    }

    /** A Bucket4j time source reading a {@link Clock}, so tests control refills. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    /** The one daemon thread that completes scheduled waits of asynchronous reservations. */
    private static final class Scheduler {
        static final ScheduledExecutorService INSTANCE = create();

        private static ScheduledExecutorService create() {
            var executor = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, "grok4-rate-limit");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }
}
