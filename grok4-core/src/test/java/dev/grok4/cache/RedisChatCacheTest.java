package dev.grok4.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Config;
import dev.grok4.internal.cache.CacheFactory;
import dev.grok4.internal.cache.CacheKeys;
import dev.grok4.internal.cache.GuardedChatCache;
import dev.grok4.internal.cache.RedisChatCache;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.spi.MetricsListener;
import dev.grok4.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisChatCacheTest {
    private static RedisServer server;
    private static RedisClient client;
    private static StatefulRedisConnection<String, String> raw;

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start();
        client = RedisClient.create(server.url());
        raw = client.connect();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (raw != null) {
            raw.close();
            client.shutdown();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void storesJsonUnderThePrefixedKeyWithTheTtl() {
        try (RedisChatCache cache = RedisChatCache.create(server.url(), Duration.ofHours(1),
                "grok4:")) {
            cache.put("ns:abc", Responses.toolCalls());

            assertThat(cache.get("ns:abc")).contains(Responses.toolCalls());
            assertThat(cache.get("ns:missing")).isEmpty();
        }
        String stored = raw.sync().get("grok4:ns:abc");
        assertThat(stored).contains("\"v\":1", "get_weather", "gpt-4.1-2025-04-14");
        assertThat(raw.sync().pttl("grok4:ns:abc"))
                .isBetween(Duration.ofMinutes(59).toMillis(), Duration.ofHours(1).toMillis());
    }

    @Test
    void anEntryExpiresAfterItsTtl() throws InterruptedException {
        try (RedisChatCache cache = RedisChatCache.using(client, Duration.ofSeconds(1), "ttl:")) {
            cache.put("k", Responses.text("short-lived"));
            assertThat(cache.get("k")).isPresent();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Optional<ChatResponse> found = cache.get("k");
            while (found.isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                found = cache.get("k");
            }

            assertThat(found).isEmpty();
        }
    }

    @Test
    void worksOnAnApplicationConnectionAndLeavesItOpen() {
        try (RedisChatCache cache = RedisChatCache.using(raw, Duration.ofMinutes(1), "app:")) {
            cache.put("k", Responses.text("shared connection"));
            assertThat(cache.get("k")).map(ChatResponse::content).contains("shared connection");
        }

        assertThat(raw.isOpen()).isTrue();
        assertThat(raw.sync().exists("app:k")).isEqualTo(1L);
    }

    @Test
    void twoProcessesShareAnswersThroughRedis() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("java.class.path"), RedisWriterMain.class.getName(),
                server.url(), "answer from the other JVM")
                .redirectErrorStream(true)
                .start();
        String output = new String(writer.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(writer.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as(output).isZero();

        String key = new CacheKeys(RedisWriterMain.BASE_URL, RedisWriterMain.API_KEY)
                .key(ChatRequest.ofPrompt(RedisWriterMain.PROMPT), "grok-4");
        try (RedisChatCache cache = RedisChatCache.create(server.url(), Duration.ofHours(1),
                "grok4:")) {
            assertThat(cache.get(key)).map(ChatResponse::content)
                    .contains("answer from the other JVM");
        }
        assertThat(raw.sync().keys("grok4:*")).contains("grok4:" + key);
        assertThat(List.of(output.strip().split("\\R"))).contains("stored");
    }

    @Test
    void theConfiguredCacheUsesTheDefaultPrefixAndFailsSoftlyOnceClosed() {
        Grok4Config config = Grok4Config.builder().cacheType(Grok4Config.CacheType.REDIS)
                .redisUrl(server.url()).build();
        GuardedChatCache cache = CacheFactory.create(config, new MetricsListener() {});
        String key = new CacheKeys(config.baseUrl(), "xai-config-key")
                .key(ChatRequest.ofPrompt("configured"), config.model());

        cache.put(key, Responses.text("from config"));

        assertThat(cache.get(key)).map(ChatResponse::content).contains("from config");
        assertThat(raw.sync().get("grok4:" + key)).contains("from config");
        assertThat(raw.sync().pttl("grok4:" + key)).isGreaterThan(3_500_000L);
        cache.close();
        assertThat(cache.get(key)).isEmpty();
        assertThat(cache.failures()).isEqualTo(1);
    }
}
