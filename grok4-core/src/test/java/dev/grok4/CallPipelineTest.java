package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.ResponseSource;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's whole call path: retries, fallback, cache, coalescing, batch and metrics. */
class CallPipelineTest {
    private static final String OK = "{\"id\":\"x\",\"model\":\"grok-4\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"fine\"},\"finish_reason\":"
            + "\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,"
            + "\"total_tokens\":15}}";
    private static final String BUSY = "{\"error\":{\"message\":\"busy\",\"type\":\"server_error\""
            + ",\"code\":null}}";

    private static Grok4Simulator simulator;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        simulator = Grok4Simulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    private Grok4Client.Builder client() {
        return Grok4Client.builder().baseUrl(simulator.baseUrl().toString())
                .environment(name -> null).sleeper(new RecordingSleeper(sleeps));
    }

    @Test
    void retriesAServerErrorThenSucceeds() {
        simulator.enqueue(ScriptedResponse.json(503, BUSY));
        simulator.enqueue(ScriptedResponse.json(200, OK));

        try (Grok4Client client = client().build()) {
            ChatResponse response = client.chat(ChatRequest.ofPrompt("retry me"));

            assertThat(response.content()).isEqualTo("fine");
            assertThat(response.attempts()).isEqualTo(2);
            assertThat(response.requestedModel()).isEqualTo("grok-4");
            assertThat(sleeps).hasSize(1);
            assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
            assertThat(client.metrics().retries()).isEqualTo(1);
        }
        assertThat(simulator.requestCount()).isEqualTo(2);
    }

    @Test
    void waitsAsLongAsRetryAfterSays() {
        simulator.enqueue(ScriptedResponse.json(429, BUSY).header("retry-after", "7"));
        simulator.enqueue(ScriptedResponse.json(200, OK));

        try (Grok4Client client = client().build()) {
            client.chat(ChatRequest.ofPrompt("slow down"));
        }

        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void failsFastWhenTheServerAsksForTooLongAWait() {
        simulator.enqueue(ScriptedResponse.json(429, BUSY).header("retry-after", "600"));

        try (Grok4Client client = client().config(Grok4Config.builder()
                .baseUrl(simulator.baseUrl().toString()).fallbackModels(List.of()).build())
                .build()) {
            RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                    () -> client.chat(ChatRequest.ofPrompt("wait long")));

            assertThat(e.retryAfter()).contains(Duration.ofSeconds(600));
        }
        assertThat(sleeps).isEmpty();
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void fallsBackToTheNextModelWhenThePrimaryStaysOverloaded() {
        for (int i = 0; i < 5; i++) {
            simulator.enqueue(ScriptedResponse.json(503, BUSY));
        }

        try (Grok4Client client = client().build()) {
            ChatResponse response = client.chat(ChatRequest.ofPrompt("fall back"));

            assertThat(response.requestedModel()).isEqualTo("grok-3");
            assertThat(response.model()).isEqualTo("grok-3");
            assertThat(response.attempts()).isEqualTo(6);
            assertThat(client.metrics().fallbacks()).isEqualTo(1);
        }
        assertThat(simulator.requests().get(5).json().get("model").asText()).isEqualTo("grok-3");
    }

    @Test
    void throwsThePrimaryFailureWithTheFallbackFailuresSuppressed() {
        for (int i = 0; i < 2; i++) {
            simulator.enqueue(ScriptedResponse.json(503, BUSY));
        }
        Grok4Config config = Grok4Config.builder().baseUrl(simulator.baseUrl().toString())
                .maxAttempts(1).fallbackModels(List.of("grok-3")).build();

        try (Grok4Client client = client().config(config).build()) {
            ServerException e = catchThrowableOfType(ServerException.class,
                    () -> client.chat(ChatRequest.ofPrompt("all fail")));

            assertThat(e.getSuppressed()).hasSize(1);
            assertThat(e.status()).isEqualTo(503);
        }
        assertThat(simulator.requestCount()).isEqualTo(2);
    }

    @Test
    void neverRetriesAQuotaError() {
        simulator.enqueue(ScriptedResponse.json(429, "{\"error\":{\"message\":\"You exceeded "
                + "your current quota\",\"type\":\"insufficient_quota\",\"code\":"
                + "\"insufficient_quota\"}}"));

        try (Grok4Client client = client().build()) {
            catchThrowableOfType(QuotaExhaustedException.class,
                    () -> client.chat(ChatRequest.ofPrompt("broke")));
        }
        assertThat(simulator.requestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void answersARepeatedRequestFromTheCache() {
        try (Grok4Client client = client().build()) {
            ChatResponse first = client.chat(ChatRequest.ofPrompt("same"));
            ChatResponse second = client.chat(ChatRequest.ofPrompt("same"));

            assertThat(second.content()).isEqualTo(first.content());
            assertThat(first.source()).isEqualTo(ResponseSource.NETWORK);
            assertThat(second.source()).isEqualTo(ResponseSource.CACHE);
            assertThat(second.attempts()).isZero();
            assertThat(client.metrics().cacheHits()).isEqualTo(1);
            assertThat(client.metrics().totalRequests()).isEqualTo(2);
        }
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void sendsARequestThatOptsOutOfTheCache() {
        ChatRequest request = ChatRequest.ofPrompt("fresh").toBuilder().cacheable(false).build();

        try (Grok4Client client = client().build()) {
            client.chat(request);
            client.chat(request);
        }

        assertThat(simulator.requestCount()).isEqualTo(2);
    }

    @Test
    void identicalRequestsInFlightGoUpstreamOnce() {
        simulator.enqueue(ScriptedResponse.json(200, OK).delay(Duration.ofMillis(300)));

        try (Grok4Client client = client().build()) {
            List<CompletableFuture<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(client.chatAsync(ChatRequest.ofPrompt("together")));
            }
            List<ChatResponse> responses = calls.stream().map(CompletableFuture::join).toList();

            assertThat(responses).extracting(ChatResponse::content).containsOnly("fine");
            assertThat(responses).filteredOn(r -> r.source() == ResponseSource.NETWORK)
                    .hasSize(1);
        }
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void batchKeepsInputOrderAndIsolatesFailures() {
        simulator.enqueue(ScriptedResponse.json(400, "{\"error\":{\"message\":\"bad one\","
                + "\"type\":\"invalid_request_error\",\"code\":\"bad\"}}"));
        Grok4Config config = Grok4Config.builder().baseUrl(simulator.baseUrl().toString())
                .cacheType(Grok4Config.CacheType.NONE).build();
        List<ChatRequest> requests = List.of(ChatRequest.ofPrompt("first"),
                ChatRequest.ofPrompt("second"), ChatRequest.ofPrompt("third"));
        List<Integer> progress = new CopyOnWriteArrayList<>();

        try (Grok4Client client = client().config(config).build()) {
            List<BatchResult> results = client.batch(requests, BatchOptions.builder()
                    .parallelism(1).progressListener((done, total) -> progress.add(done))
                    .build());

            assertThat(results).extracting(BatchResult::index).containsExactly(0, 1, 2);
            assertThat(results.get(0).isSuccess()).isFalse();
            assertThat(results.get(0).error()).isInstanceOf(BadRequestException.class);
            assertThat(results.get(1).response().content()).contains("second");
            assertThat(results.get(2).response().content()).contains("third");
        }
        assertThat(progress).containsExactly(1, 2, 3);
    }

    @Test
    void recordsCostFromThePriceTable() {
        simulator.enqueue(ScriptedResponse.json(200, OK));

        try (Grok4Client client = client().build()) {
            ChatResponse response = client.chat(ChatRequest.ofPrompt("price me"));

            assertThat(response.cost()).isNotNull();
            assertThat(response.cost().usd()).isEqualTo((10 * 3.0 + 5 * 15.0) / 1_000_000);
            assertThat(response.cost().jpy()).isEqualTo(response.cost().usd() * 155);
            assertThat(client.metrics().costUsd()).isEqualTo(response.cost().usd());
        }
    }

    @Test
    void withoutACacheIdenticalRequestsInFlightEachGoUpstream() {
        Grok4Config config = Grok4Config.builder().baseUrl(simulator.baseUrl().toString())
                .cacheType(Grok4Config.CacheType.NONE).build();
        simulator.latency(dev.grok4.testkit.LatencyProfile.fixed(Duration.ofMillis(200)));

        try (Grok4Client client = client().config(config).build()) {
            List<CompletableFuture<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(client.chatAsync(ChatRequest.ofPrompt("no cache")));
            }
            List<ChatResponse> responses = calls.stream().map(CompletableFuture::join).toList();

            assertThat(responses).extracting(ChatResponse::source)
                    .containsOnly(ResponseSource.NETWORK);
        } finally {
            simulator.latency(dev.grok4.testkit.LatencyProfile.none());
        }
        assertThat(simulator.requestCount()).isEqualTo(4);
    }
}
