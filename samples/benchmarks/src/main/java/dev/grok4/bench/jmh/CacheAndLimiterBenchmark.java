package dev.grok4.bench.jmh;

import dev.grok4.Grok4Config;
import dev.grok4.bench.load.Workload;
import dev.grok4.internal.cache.CacheKeys;
import dev.grok4.internal.cache.MemoryChatCache;
import dev.grok4.internal.cache.ResponseCache;
import dev.grok4.internal.json.ChatJson;
import dev.grok4.internal.resilience.ConcurrencyLimiter;
import dev.grok4.internal.resilience.RateLimiter;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.spi.MetricsListener;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-call bookkeeping around the network: the cache key of a request, a hit in the
 * in-memory cache, a rate-limiter reservation and a concurrency permit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CacheAndLimiterBenchmark {
    private static final String MODEL = Workload.MODEL;

    private ChatRequest request;
    private CacheKeys keys;
    private ResponseCache cache;
    private RateLimiter limiter;
    private ConcurrencyLimiter permits;

    /** Fills the cache with the workload's reply and sets generous limits. */
    @Setup
    public void setUp() throws IOException, InterruptedException {
        request = Payloads.request(Workload.CHAT_MAX_TOKENS);
        keys = new CacheKeys("http://127.0.0.1:1/v1", Workload.API_KEY);
        MemoryChatCache memory = new MemoryChatCache(Grok4Config.defaults());
        cache = new ResponseCache(memory, keys, new MetricsListener() { });
        ChatResponse reply = ChatJson.readResponse(Payloads.fetch().chat());
        cache.store(request, MODEL, reply);
        limiter = RateLimiter.from(Grok4Config.builder()
                .requestsPerMinute(1_000_000_000).tokensPerMinute(1_000_000_000).build(), null);
        permits = new ConcurrencyLimiter(64, Duration.ofSeconds(30));
    }

    /** Closes the limiter. */
    @TearDown
    public void tearDown() {
        limiter.close();
    }

    /** The cache key of the workload's request. */
    @Benchmark
    public String cacheKey() {
        return keys.key(request, MODEL);
    }

    /** A cache hit: key, lookup, and the copy marked as coming from the cache. */
    @Benchmark
    public Optional<ChatResponse> cacheHit() {
        return cache.lookup(request, MODEL);
    }

    /** One request and 300 tokens reserved from local buckets, then given back. */
    @Benchmark
    public int rateLimiterReserve() {
        RateLimiter.Reservation reservation = limiter.reserve(300);
        int tokens = reservation.reservedTokens();
        reservation.refund();
        return tokens;
    }

    /** A concurrency permit taken and released without contention. */
    @Benchmark
    public boolean permitAcquire() {
        ConcurrencyLimiter.Permit permit = permits.acquire();
        permit.close();
        return permit.isReleased();
    }
}
