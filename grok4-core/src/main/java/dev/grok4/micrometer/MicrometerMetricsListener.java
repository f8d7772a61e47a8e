package dev.grok4.micrometer;

import static java.util.Objects.requireNonNull;

import dev.grok4.spi.CacheEvent;
import dev.grok4.spi.CacheFailureEvent;
import dev.grok4.spi.CostEvent;
import dev.grok4.spi.FallbackEvent;
import dev.grok4.spi.MetricsListener;
import dev.grok4.spi.RequestEndEvent;
import dev.grok4.spi.RetryEvent;
import dev.grok4.spi.TimeToFirstTokenEvent;
import dev.grok4.spi.TokenUsageEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MetricsListener} that records into a Micrometer registry, following the OpenTelemetry
 * GenAI client conventions.
 *
 * <ul>
 *   <li>{@code gen_ai.client.operation.duration}, a histogram in seconds (base unit {@code s}),
 *       per call, with {@code error.type} (the {@code ErrorKind} wire name) on failures only;
 *   <li>{@code gen_ai.client.token.usage}, a histogram in {@code {token}}, one record per token
 *       type ({@code gen_ai.token.type} = {@code input} or {@code output}) per call;
 *   <li>{@code grok4.time_to_first_token} in seconds, per stream;
 *   <li>counters {@code grok4.cache.hits}, {@code grok4.cache.misses}, {@code grok4.cache.errors},
 *       {@code grok4.retries}, {@code grok4.fallbacks}, {@code grok4.cost.usd} and
 *       {@code grok4.cost.jpy}.
 * </ul>
 *
 * <p>Every meter carries {@code gen_ai.operation.name=chat} and {@code gen_ai.provider.name}.
 * Model tags hold model names as configured or answered ({@code unknown} when the server named
 * none); no tag ever holds prompt text, a key or an error message. Thread-safe.
 *
 * <p>Prometheus needs every meter of one name to have the same tag keys, while the conventions
 * put {@code error.type} on failures only. Register {@link #uniformErrorTypeFilter()} on a
 * Prometheus registry so that successes carry {@code error.type=none}.
 *
 * @since 0.1
 */
public final class MicrometerMetricsListener implements MetricsListener {
    /** The provider name for xAI in the conventions. */
    public static final String XAI_PROVIDER = "x_ai";

    static final String DURATION = "gen_ai.client.operation.duration";
    static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    static final String UNKNOWN = "unknown";

    // The bucket boundaries the GenAI conventions advise for these two histograms.
    private static final double[] DURATION_BUCKETS = {0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64,
        1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92};
    private static final double[] TOKEN_BUCKETS = {1, 4, 16, 64, 256, 1024, 4096, 16384, 65536,
        262144, 1048576, 4194304, 16777216, 67108864};

    private final MeterRegistry registry;
    private final Tags common;

    /** Creates a listener for xAI ({@code gen_ai.provider.name=x_ai}). */
    public MicrometerMetricsListener(MeterRegistry registry) {
        this(registry, XAI_PROVIDER);
    }

    /**
     * Creates a listener.
     *
     * @param registry where meters are registered
     * @param providerName the {@code gen_ai.provider.name} value, such as {@code x_ai} or a
     *     gateway's name
     * @throws IllegalArgumentException if the provider name is blank
     */
    public MicrometerMetricsListener(MeterRegistry registry, String providerName) {
        this.registry = requireNonNull(registry, "registry");
        if (requireNonNull(providerName, "providerName").isBlank()) {
            throw new IllegalArgumentException(
                    "Invalid providerName: '" + providerName + "'; expected a name such as x_ai");
        }
        this.common = Tags.of("gen_ai.operation.name", "chat", "gen_ai.provider.name",
                providerName);
    }

    /**
     * Returns a filter that adds {@code error.type=none} to successful operation durations, for
     * registries such as Prometheus that need the same tag keys on every meter of a name.
     * Register it before the first call: {@code registry.config().meterFilter(...)}.
     */
    public static MeterFilter uniformErrorTypeFilter() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!DURATION.equals(id.getName()) || id.getTag("error.type") != null) {
                    return id;
                }
                return id.withTag(Tag.of("error.type", "none"));
            }
        };
    }

    @Override
    public void onRequestEnd(RequestEndEvent event) {
        Tags tags = models(event.requestedModel(), event.responseModel());
        if (event.errorKind() != null) {
            tags = tags.and("error.type", event.errorKind().wireName());
        }
        DistributionSummary.builder(DURATION)
                .description("Duration of GenAI client operations")
                .baseUnit("s")
                .serviceLevelObjectives(DURATION_BUCKETS)
                .tags(tags)
                .register(registry)
                .record(event.duration().toNanos() / 1e9);
    }

    @Override
    public void onTokens(TokenUsageEvent event) {
        Tags tags = models(event.requestedModel(), event.responseModel());
        tokens(tags.and("gen_ai.token.type", "input")).record(event.inputTokens());
        tokens(tags.and("gen_ai.token.type", "output")).record(event.outputTokens());
    }

    @Override
    public void onTimeToFirstToken(TimeToFirstTokenEvent event) {
        DistributionSummary.builder("grok4.time_to_first_token")
                .description("Time from sending a streaming request to its first content")
                .baseUnit("s")
                .tags(common.and("gen_ai.request.model", event.requestedModel()))
                .register(registry)
                .record(event.timeToFirstToken().toNanos() / 1e9);
    }

    @Override
    public void onCacheHit(CacheEvent event) {
        counter("grok4.cache.hits", "Calls the response cache answered",
                Tags.of("gen_ai.request.model", event.requestedModel())).increment();
    }

    @Override
    public void onCacheMiss(CacheEvent event) {
        counter("grok4.cache.misses", "Cacheable calls the response cache could not answer",
                Tags.of("gen_ai.request.model", event.requestedModel())).increment();
    }

    @Override
    public void onCacheFailure(CacheFailureEvent event) {
        counter("grok4.cache.errors", "Cache operations that failed and were skipped",
                Tags.of("operation", event.operation(), "error.type", event.errorType()))
                .increment();
    }

    @Override
    public void onRetry(RetryEvent event) {
        counter("grok4.retries", "Attempts retried after a failure",
                Tags.of("gen_ai.request.model", event.model(), "error.type",
                        event.reason().wireName())).increment();
    }

    @Override
    public void onFallback(FallbackEvent event) {
        counter("grok4.fallbacks", "Moves to the next model of the fallback chain",
                Tags.of("grok4.fallback.from", event.fromModel(), "grok4.fallback.to",
                        event.toModel(), "error.type", event.reason().wireName())).increment();
    }

    @Override
    public void onCost(CostEvent event) {
        Tags tags = Tags.of("gen_ai.response.model", event.model());
        counter("grok4.cost.usd", "Running cost of calls in US dollars", tags)
                .increment(event.usd());
        counter("grok4.cost.jpy", "Running cost of calls in yen", tags).increment(event.jpy());
    }

    private Tags models(String requestedModel, @Nullable String responseModel) {
        return common.and("gen_ai.request.model", requestedModel, "gen_ai.response.model",
                responseModel == null ? UNKNOWN : responseModel);
    }

    private DistributionSummary tokens(Tags tags) {
        return DistributionSummary.builder(TOKEN_USAGE)
                .description("Number of input and output tokens used")
                .baseUnit("{token}")
                .serviceLevelObjectives(TOKEN_BUCKETS)
                .tags(tags)
                .register(registry);
    }

    private Counter counter(String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(common.and(tags))
                .register(registry);
    }
}
