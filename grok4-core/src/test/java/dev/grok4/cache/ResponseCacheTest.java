package dev.grok4.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.internal.cache.CacheKeys;
import dev.grok4.internal.cache.NoopChatCache;
import dev.grok4.internal.cache.ResponseCache;
import dev.grok4.internal.metrics.DefaultMetrics;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Cost;
import dev.grok4.model.ResponseSource;
import dev.grok4.spi.ChatCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
    private final RecordingCache store = new RecordingCache();
    private final DefaultMetrics metrics = new DefaultMetrics();
    private final ResponseCache cache = new ResponseCache(store,
            new CacheKeys("https://api.x.ai/v1", "xai-key"), metrics);
    private final ChatRequest request = ChatRequest.ofPrompt("What is Grok?");

    @Test
    void aMissThenAHitServedFromTheCache() {
        assertThat(cache.lookup(request, "grok-4")).isEmpty();
        ChatResponse network = Responses.text("Grok is a model.").toBuilder().attempts(2)
                .latency(Duration.ofSeconds(3)).cost(new Cost(0.01, 1.55, true)).build();
        cache.store(request, "grok-4", network);

        ChatResponse hit = cache.lookup(request, "grok-4").orElseThrow();

        assertThat(hit.source()).isEqualTo(ResponseSource.CACHE);
        assertThat(hit.attempts()).isZero();
        assertThat(hit.cost()).isNull();
        assertThat(hit.latency()).isLessThan(Duration.ofSeconds(3));
        assertThat(hit.content()).isEqualTo("Grok is a model.");
        assertThat(hit.usage()).isEqualTo(network.usage());
        assertThat(metrics.snapshot().cacheHits()).isEqualTo(1);
        assertThat(metrics.snapshot().cacheMisses()).isEqualTo(1);
        assertThat(metrics.snapshot().cacheHitRate()).isEqualTo(0.5);
    }

    @Test
    void aRequestThatIsNotCacheableSkipsGetAndPut() {
        ChatRequest private_ = request.toBuilder().cacheable(false).build();
        store.entries.put(cache.key(request, "grok-4"), Responses.text("stored"));

        assertThat(cache.lookup(private_, "grok-4")).isEmpty();
        cache.store(private_, "grok-4", Responses.text("new"));

        assertThat(store.gets).isEmpty();
        assertThat(store.puts).isEmpty();
        assertThat(metrics.snapshot().cacheMisses()).isZero();
        assertThat(metrics.snapshot().cacheHits()).isZero();
    }

    @Test
    void doesNotStoreCacheHitsOrEmptyResponses() {
        cache.store(request, "grok-4", Responses.text("x").toBuilder()
                .source(ResponseSource.CACHE).build());
        cache.store(request, "grok-4", ChatResponse.builder().model("grok-4").build());

        assertThat(store.puts).isEmpty();
    }

    @Test
    void theNoopCacheIsNeverAsked() {
        ResponseCache none = new ResponseCache(NoopChatCache.INSTANCE,
                new CacheKeys("https://api.x.ai/v1", null), metrics);

        assertThat(none.applies(request)).isFalse();
        assertThat(none.lookup(request, "grok-4")).isEmpty();
        assertThat(metrics.snapshot().cacheMisses()).isZero();
    }

    private static final class RecordingCache implements ChatCache {
        final Map<String, ChatResponse> entries = new ConcurrentHashMap<>();
        final List<String> gets = new ArrayList<>();
        final List<String> puts = new ArrayList<>();

        @Override
        public Optional<ChatResponse> get(String key) {
            gets.add(key);
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(String key, ChatResponse response) {
            puts.add(key);
            entries.put(key, response);
        }
    }
}
