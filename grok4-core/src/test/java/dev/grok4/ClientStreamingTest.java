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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streaming through the client: limits, retries before the first byte, cache and metrics. */
class ClientStreamingTest {
    private static final String BUSY = "{\"error\":{\"message\":\"busy\",\"type\":\"server_error\""
            + ",\"code\":null}}";

    private static Grok4Simulator simulator;

    @BeforeAll
    static void start() {
        simulator = Grok4Simulator.builder().streamChunkSize(3).start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    private static Grok4Client.Builder client() {
        return Grok4Client.builder().baseUrl(simulator.baseUrl().toString())
                .environment(name -> null)
                .sleeper(new RecordingSleeper(new CopyOnWriteArrayList<>()));
    }

    @Test
    void streamsTheSameAnswerAsAChatCall() {
        ChatRequest request = ChatRequest.ofPrompt("日本語で答えて🌸").toBuilder()
                .cacheable(false).build();

        try (Grok4Client client = client().build()) {
            ChatResponse whole = client.chat(request);
            StringBuilder pieces = new StringBuilder();
            ChatResponse streamed;
            try (ChatStream stream = client.stream(request)) {
                stream.forEach(chunk -> pieces.append(chunk.content()));
                streamed = stream.response();
            }

            assertThat(pieces.toString()).isEqualTo(whole.content());
            assertThat(streamed.content()).isEqualTo(whole.content());
            assertThat(streamed.usage()).isEqualTo(whole.usage());
            assertThat(streamed.timeToFirstToken()).isNotNull();
            assertThat(streamed.attempts()).isEqualTo(1);
            assertThat(streamed.requestedModel()).isEqualTo("grok-4");
            assertThat(streamed.cost()).isNotNull();
        }
        assertThat(simulator.requests().get(1).json().at("/stream_options/include_usage")
                .asBoolean()).isTrue();
    }

    @Test
    void retriesAnErrorStatusBeforeTheStreamStarts() {
        simulator.enqueue(ScriptedResponse.json(503, BUSY));

        try (Grok4Client client = client().build();
                ChatStream stream = client.stream(ChatRequest.ofPrompt("retry the stream"))) {
            ChatResponse response = stream.response();

            assertThat(response.content()).contains("retry the stream");
            assertThat(response.attempts()).isEqualTo(2);
        }
        assertThat(simulator.requestCount()).isEqualTo(2);
    }

    @Test
    void typesAnErrorStatusThatRetriesCannotFix() {
        simulator.enqueue(ScriptedResponse.json(401, "{\"error\":{\"message\":\"no key\","
                + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));

        try (Grok4Client client = client().build();
                ChatStream stream = client.stream(ChatRequest.ofPrompt("unauthorised"))) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                    stream::response);

            assertThat(e.status()).isEqualTo(401);
        }
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void aStreamHoldsItsPermitUntilItEndsAndThenReleasesIt() {
        Grok4Config config = Grok4Config.builder().baseUrl(simulator.baseUrl().toString())
                .maxConcurrent(1).permitTimeout(Duration.ofMillis(300))
                .cacheType(Grok4Config.CacheType.NONE).build();

        try (Grok4Client client = client().config(config).build()) {
            ChatStream open = client.stream(ChatRequest.ofPrompt("first, still open"));
            open.iterator().next();
            Grok4Exception blocked = catchThrowableOfType(Grok4Exception.class,
                    () -> client.chat(ChatRequest.ofPrompt("waits for a permit")));
            open.close();
            for (int i = 0; i < 5; i++) {
                try (ChatStream stream = client.stream(ChatRequest.ofPrompt("next " + i))) {
                    stream.iterator().next();
                }
            }
            ChatResponse after = client.chat(ChatRequest.ofPrompt("after the streams"));

            assertThat(blocked.kind()).isEqualTo(ErrorKind.LIMIT_EXCEEDED);
            assertThat(after.content()).contains("after the streams");
        }
    }

    @Test
    void aCompletedStreamIsCachedAndReplayedAsAStream() {
        ChatRequest request = ChatRequest.ofPrompt("cache this stream");

        try (Grok4Client client = client().build()) {
            String first = client.stream(request).response().content();
            ChatResponse fromChat = client.chat(request);
            List<String> replayed = new ArrayList<>();
            ChatResponse replay;
            try (ChatStream stream = client.stream(request)) {
                stream.forEach(chunk -> replayed.add(chunk.content()));
                replay = stream.response();
            }

            assertThat(fromChat.source()).isEqualTo(ResponseSource.CACHE);
            assertThat(fromChat.content()).isEqualTo(first);
            assertThat(replay.source()).isEqualTo(ResponseSource.CACHE);
            assertThat(String.join("", replayed)).isEqualTo(first);
            assertThat(client.metrics().cacheHits()).isEqualTo(2);
        }
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void publisherDeliversEveryChunkOnDemand() throws Exception {
        OneByOne subscriber = new OneByOne();

        try (Grok4Client client = client().build()) {
            client.streamPublisher(ChatRequest.ofPrompt("publish me")).subscribe(subscriber);

            assertThat(subscriber.end.get(10, TimeUnit.SECONDS)).isNull();
        }

        assertThat(subscriber.text.toString()).contains("publish me");
    }

    @Test
    void handlerReceivesChunksThenTheResponse() throws Exception {
        List<String> pieces = new CopyOnWriteArrayList<>();

        try (Grok4Client client = client().build()) {
            ChatResponse response = client.stream(ChatRequest.ofPrompt("handle me"),
                    chunk -> pieces.add(chunk.content())).get(10, TimeUnit.SECONDS);

            assertThat(String.join("", pieces)).isEqualTo(response.content());
            assertThat(client.metrics().totalRequests()).isEqualTo(1);
        }
    }
}
