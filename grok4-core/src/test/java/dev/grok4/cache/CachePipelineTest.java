package dev.grok4.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Config;
import dev.grok4.MetricsSnapshot;
import dev.grok4.internal.cache.CacheFactory;
import dev.grok4.internal.cache.CacheKeys;
import dev.grok4.internal.cache.GuardedChatCache;
import dev.grok4.internal.cache.InFlightCoalescer;
import dev.grok4.internal.cache.MemoryChatCache;
import dev.grok4.internal.cache.NoopChatCache;
import dev.grok4.internal.cache.RedisChatCache;
import dev.grok4.internal.cache.ResponseCache;
import dev.grok4.internal.metrics.DefaultMetrics;
import dev.grok4.internal.metrics.GuardedMetricsListener;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.ResponseSource;
import dev.grok4.spi.ChatCaches;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache units wired the way the client's call path uses them. */
class CachePipelineTest {
    private final DefaultMetrics metrics = new DefaultMetrics();
    private final GuardedMetricsListener listener = GuardedMetricsListener.of(metrics);
    private final GuardedChatCache store = CacheFactory.create(Grok4Config.defaults(), listener);
    private final ResponseCache cache = new ResponseCache(store,
            new CacheKeys("https://api.x.ai/v1", "xai-key"), listener);
    private final InFlightCoalescer<String, ChatResponse> coalescer = new InFlightCoalescer<>();
    private final AtomicInteger upstreamCalls = new AtomicInteger();
    private final CompletableFuture<ChatResponse> upstream = new CompletableFuture<>();

    /** What Grok4Client.chatAsync does around the network call. */
    private CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
        String model = request.model() == null ? "grok-4" : request.model();
        Optional<ChatResponse> hit = cache.lookup(request, model);
        if (hit.isPresent()) {
            return CompletableFuture.completedFuture(hit.get());
        }
        return coalescer.join(cache.key(request, model), () -> {
            upstreamCalls.incrementAndGet();
            return upstream.thenApply(r -> {
                cache.store(request, model, r);
                return r;
            });
        });
    }

    @Test
    void concurrentIdenticalCallsGoUpstreamOnceThenTheCacheAnswers() throws Exception {
        ChatRequest request = ChatRequest.ofPrompt("What is Grok?");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<CompletableFuture<ChatResponse>>> calls = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int i = 0; i < 10; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return chatAsync(request);
                }));
            }
            start.countDown();
            for (Future<CompletableFuture<ChatResponse>> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
            upstream.complete(Responses.text("Grok is a model."));
            for (Future<CompletableFuture<ChatResponse>> call : calls) {
                assertThat(call.get().get(30, TimeUnit.SECONDS).content())
                        .isEqualTo("Grok is a model.");
            }
        } finally {
            pool.shutdownNow();
        }

        ChatResponse later = chatAsync(request).join();

        assertThat(upstreamCalls).hasValue(1);
        assertThat(later.source()).isEqualTo(ResponseSource.CACHE);
        assertThat(later.attempts()).isZero();
        MetricsSnapshot s = metrics.snapshot();
        assertThat(s.cacheMisses()).isEqualTo(10);
        assertThat(s.cacheHits()).isEqualTo(1);
    }

    @Test
    void theFactoryBuildsTheConfiguredCache() {
        assertThat(store.delegate()).isInstanceOf(MemoryChatCache.class);
        assertThat(CacheFactory.create(Grok4Config.builder()
                .cacheType(Grok4Config.CacheType.NONE).build(), listener).delegate())
                .isSameAs(NoopChatCache.INSTANCE);
        GuardedChatCache redis = CacheFactory.create(Grok4Config.builder()
                .cacheType(Grok4Config.CacheType.REDIS).build(), listener);
        assertThat(redis.delegate()).isInstanceOf(RedisChatCache.class);
        redis.close();
        assertThat(ChatCaches.none()).isSameAs(NoopChatCache.INSTANCE);
        assertThat(ChatCaches.inMemory(java.time.Duration.ofMinutes(1), 5))
                .isInstanceOf(MemoryChatCache.class);
    }
}
