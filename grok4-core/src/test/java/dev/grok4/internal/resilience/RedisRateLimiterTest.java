package dev.grok4.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import dev.grok4.model.Usage;
import dev.grok4.testing.RedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rate-limit buckets shared through a real redis-server. */
class RedisRateLimiterTest {
    private static RedisServer redis;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    private static Grok4Config config(int rpm, int tpm, String prefix) {
        return Grok4Config.builder()
                .rateLimitStore(Grok4Config.RateLimitStore.REDIS)
                .redisUrl(redis.url())
                .cacheKeyPrefix(prefix)
                .requestsPerMinute(rpm)
                .tokensPerMinute(tpm)
                .permitTimeout(Duration.ofMillis(50))
                .build();
    }

    private static int tryReserve(RateLimiter limiter, int times) {
        int granted = 0;
        for (int i = 0; i < times; i++) {
            try {
                limiter.reserve(0);
                granted++;
            } catch (Grok4Exception e) {
                assertThat(e.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED);
            }
        }
        return granted;
    }

    @Test
    void twoClientsWithTheSameKeyShareOneRequestBudget() {
        var config = config(5, 0, "shared:");
        try (var first = RateLimiter.from(config, "sk-shared-1");
                var second = RateLimiter.from(config, "sk-shared-1");
                var otherKey = RateLimiter.from(config, "sk-other-2")) {
            int granted = 0;
            for (int i = 0; i < 5; i++) {
                granted += tryReserve(first, 1) + tryReserve(second, 1);
            }

            assertThat(granted).isEqualTo(5);
            assertThat(first.availableRequests()).isZero();
            assertThat(second.availableRequests()).isZero();
            assertThat(tryReserve(otherKey, 3)).isEqualTo(3);
        }
    }

    @Test
    void asyncReservationsShareTheRedisBudget() {
        var config = config(2, 0, "async:");
        try (var first = RateLimiter.from(config, "sk-async");
                var second = RateLimiter.from(config, "sk-async")) {
            first.reserveAsync(0).join();
            second.reserveAsync(0).join();

            assertThatThrownBy(() -> first.reserveAsync(0).join())
                    .hasCauseInstanceOf(Grok4Exception.class);
            assertThat(second.availableRequests()).isZero();
        }
    }

    @Test
    void bucketKeysUseTheFingerprintNeverTheKey() {
        String apiKey = "sk-secret-fingerprint-test";
        try (var limiter = RateLimiter.from(config(3, 0, "fp:"), apiKey)) {
            limiter.reserve(0);
        }

        List<String> keys = redisKeys("fp:*");

        assertThat(keys).containsExactly(
                "fp:ratelimit:" + RedisBuckets.fingerprint(apiKey) + ":rpm");
        assertThat(String.join(",", keys)).doesNotContain(apiKey);
    }

    @Test
    void tokenReservationIsCorrectedInRedis() {
        var config = config(0, 1000, "tpm:");
        try (var first = RateLimiter.from(config, "sk-tokens");
                var second = RateLimiter.from(config, "sk-tokens")) {
            first.reserve(100).correct(new Usage(12, 40, 354, 302, null, null));

            assertThat(second.availableTokens()).isEqualTo(1000 - 354);
            second.reserve(600).correct(100);
            assertThat(first.availableTokens()).isEqualTo(1000 - 354 - 100);
        }
    }

    @Test
    void unreachableRedisIsAConfigurationError() {
        var config = Grok4Config.builder()
                .rateLimitStore(Grok4Config.RateLimitStore.REDIS)
                .redisUrl("redis://:hunter2@127.0.0.1:1")
                .requestsPerMinute(5)
                .build();

        assertThatThrownBy(() -> RateLimiter.from(config, "sk-x"))
                .isInstanceOfSatisfying(Grok4Exception.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageStartingWith("Cannot reach the rate-limit Redis at 127.0.0.1:1;")
                .message().doesNotContain("hunter2");
    }

    @Test
    void redisGoingDownFailsTheReservationAsAConnectionError() throws Exception {
        RateLimiter limiter;
        try (RedisServer doomed = RedisServer.start()) {
            var config = config(5, 0, "down:").toBuilder().redisUrl(doomed.url()).build();
            limiter = RateLimiter.from(config, "sk-down");
            limiter.reserve(0);
        }

        try (limiter) {
            assertThatThrownBy(() -> limiter.reserve(0))
                    .isInstanceOfSatisfying(Grok4Exception.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION))
                    .hasMessageStartingWith("The rate-limit store failed (");
            assertThatThrownBy(() -> limiter.reserveAsync(0).join())
                    .cause().isInstanceOfSatisfying(Grok4Exception.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION));
        }
    }

    @Test
    void redisStoreNeedsAnApiKey() {
        assertThatThrownBy(() -> RateLimiter.from(config(5, 0, "nokey:"), null))
                .isInstanceOfSatisfying(Grok4Exception.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
    }

    @Test
    void twoProcessesTogetherStayWithinOneBudget() throws Exception {
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(startWorker("sk-two-processes", 10, 10));
        }

        int total = 0;
        for (Process worker : workers) {
            total += granted(worker);
        }

        assertThat(total).isEqualTo(10);
    }

    private static Process startWorker(String apiKey, int rpm, int attempts) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-cp", classpath, RedisRateLimitWorker.class.getName(),
                redis.url(), apiKey, String.valueOf(rpm), String.valueOf(attempts))
                .redirectErrorStream(true)
                .start();
    }

    private static int granted(Process worker) throws Exception {
        String output = new String(worker.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).as("worker finished").isTrue();
        assertThat(worker.exitValue()).as(output).isZero();
        String line = output.lines().filter(l -> l.startsWith("granted=")).findFirst()
                .orElseThrow(() -> new AssertionError("worker printed no result: " + output));
        return Integer.parseInt(line.substring("granted=".length()));
    }

    private static List<String> redisKeys(String pattern) {
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys(pattern);
        } finally {
            client.shutdown();
        }
    }
}
