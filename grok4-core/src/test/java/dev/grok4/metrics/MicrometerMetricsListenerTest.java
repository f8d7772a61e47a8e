package dev.grok4.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grok4.ErrorKind;
import dev.grok4.micrometer.MicrometerMetricsListener;
import dev.grok4.model.ResponseSource;
import dev.grok4.spi.CacheEvent;
import dev.grok4.spi.CacheFailureEvent;
import dev.grok4.spi.CostEvent;
import dev.grok4.spi.FallbackEvent;
import dev.grok4.spi.RequestEndEvent;
import dev.grok4.spi.RetryEvent;
import dev.grok4.spi.TimeToFirstTokenEvent;
import dev.grok4.spi.TokenUsageEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrometerMetricsListenerTest {
    private static final String PROMPT = "Tell me a secret about Tokyo";
    private static final String API_KEY = "xai-abcdef123456";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMetricsListener listener = new MicrometerMetricsListener(registry);

    private void recordOneOfEach() {
        listener.onRequestEnd(new RequestEndEvent("grok-4", "grok-4-0709",
                Duration.ofMillis(1500), null, false, ResponseSource.NETWORK));
        listener.onRequestEnd(new RequestEndEvent("grok-4", null, Duration.ofMillis(250),
                ErrorKind.RATE_LIMITED, true, ResponseSource.NETWORK));
        listener.onTokens(new TokenUsageEvent("grok-4", "grok-4-0709", 12, 342));
        listener.onTimeToFirstToken(new TimeToFirstTokenEvent("grok-4", Duration.ofMillis(400)));
        listener.onCacheHit(new CacheEvent("grok-4"));
        listener.onCacheMiss(new CacheEvent("grok-4"));
        listener.onCacheMiss(new CacheEvent("grok-4"));
        listener.onCacheFailure(new CacheFailureEvent("get", "RedisConnectionException"));
        listener.onRetry(new RetryEvent("grok-4", 1, ErrorKind.SERVER, Duration.ofSeconds(1)));
        listener.onFallback(new FallbackEvent("grok-4", "grok-3", ErrorKind.SERVER));
        listener.onCost(new CostEvent("grok-4-0709", 0.25, 38.75, true));
    }

    @Test
    void recordsDurationInSecondsWithGenAiAttributes() {
        recordOneOfEach();

        DistributionSummary ok = registry.get("gen_ai.client.operation.duration")
                .tag("gen_ai.response.model", "grok-4-0709").summary();
        assertThat(ok.getId().getBaseUnit()).isEqualTo("s");
        assertThat(ok.totalAmount()).isCloseTo(1.5, within(1e-9));
        assertThat(ok.getId().getTag("gen_ai.operation.name")).isEqualTo("chat");
        assertThat(ok.getId().getTag("gen_ai.provider.name")).isEqualTo("x_ai");
        assertThat(ok.getId().getTag("gen_ai.request.model")).isEqualTo("grok-4");
        assertThat(ok.getId().getTag("error.type")).isNull();

        DistributionSummary failed = registry.get("gen_ai.client.operation.duration")
                .tag("error.type", "rate_limited").summary();
        assertThat(failed.getId().getTag("gen_ai.response.model")).isEqualTo("unknown");
        assertThat(failed.totalAmount()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void recordsTokenUsagePerTokenType() {
        recordOneOfEach();

        DistributionSummary input = registry.get("gen_ai.client.token.usage")
                .tag("gen_ai.token.type", "input").summary();
        DistributionSummary output = registry.get("gen_ai.client.token.usage")
                .tag("gen_ai.token.type", "output").summary();

        assertThat(input.getId().getBaseUnit()).isEqualTo("{token}");
        assertThat(input.totalAmount()).isEqualTo(12);
        assertThat(output.totalAmount()).isEqualTo(342);
        assertThat(output.getId().getTag("gen_ai.response.model")).isEqualTo("grok-4-0709");
    }

    @Test
    void countsCacheRetriesFallbacksAndCost() {
        recordOneOfEach();

        assertThat(registry.get("grok4.cache.hits").counter().count()).isEqualTo(1);
        assertThat(registry.get("grok4.cache.misses").counter().count()).isEqualTo(2);
        assertThat(registry.get("grok4.cache.errors").tag("operation", "get").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("grok4.retries").tag("error.type", "server").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("grok4.fallbacks").tag("grok4.fallback.to", "grok-3").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("grok4.cost.usd").counter().count()).isEqualTo(0.25);
        assertThat(registry.get("grok4.cost.jpy").counter().count()).isEqualTo(38.75);
        assertThat(registry.get("grok4.time_to_first_token").summary().totalAmount())
                .isCloseTo(0.4, within(1e-9));
    }

    @Test
    void everyMeterCarriesTheProviderAndNoTagCarriesAPromptOrKey() {
        recordOneOfEach();

        List<Meter> meters = registry.getMeters();
        assertThat(meters).hasSizeGreaterThanOrEqualTo(11);
        for (Meter meter : meters) {
            assertThat(meter.getId().getTag("gen_ai.provider.name")).isEqualTo("x_ai");
            for (Tag tag : meter.getId().getTags()) {
                assertThat(tag.getValue()).doesNotContain(PROMPT).doesNotContain("Tokyo")
                        .doesNotContain(API_KEY).doesNotContain("xai-");
            }
        }
    }

    @Test
    void aGatewayProviderNameIsUsed() {
        MicrometerMetricsListener gateway = new MicrometerMetricsListener(registry, "holysheep");

        gateway.onCacheHit(new CacheEvent("grok-4"));

        assertThat(registry.get("grok4.cache.hits").tag("gen_ai.provider.name", "holysheep")
                .counter().count()).isEqualTo(1);
        assertThatThrownBy(() -> new MicrometerMetricsListener(registry, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid providerName");
    }

    @Test
    void theUniformFilterGivesSuccessesAnErrorTypeOfNone() {
        SimpleMeterRegistry filtered = new SimpleMeterRegistry();
        filtered.config().meterFilter(MicrometerMetricsListener.uniformErrorTypeFilter());
        MicrometerMetricsListener uniform = new MicrometerMetricsListener(filtered);

        uniform.onRequestEnd(new RequestEndEvent("grok-4", "grok-4", Duration.ofMillis(100),
                null, false, ResponseSource.NETWORK));
        uniform.onRequestEnd(new RequestEndEvent("grok-4", null, Duration.ofMillis(100),
                ErrorKind.TIMEOUT, false, ResponseSource.NETWORK));
        uniform.onTokens(new TokenUsageEvent("grok-4", "grok-4", 1, 1));

        assertThat(filtered.get("gen_ai.client.operation.duration").summaries())
                .extracting(m -> m.getId().getTag("error.type"))
                .containsExactlyInAnyOrder("none", "timeout");
        assertThat(filtered.get("gen_ai.client.token.usage").summaries())
                .allSatisfy(m -> assertThat(m.getId().getTag("error.type")).isNull());
    }
}
