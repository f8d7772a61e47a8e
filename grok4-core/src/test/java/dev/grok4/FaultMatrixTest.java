package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.RecordedRequest;
import dev.grok4.testkit.ScriptedResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way of calling the client against every scripted fault: each case ends with the exact
 * outcome (the answer through a retry or the fallback model, or the right typed error), the
 * exact number of requests the simulator saw, and every permit given back.
 */
class FaultMatrixTest {
    /** Only a hang detector: a case that passes ends in well under a second. */
    private static final Duration HANG = Duration.ofSeconds(20);

    /** A request timeout well below the scripted header delay, and well above a normal answer. */
    private static final Duration SLOW_TIMEOUT = Duration.ofMillis(1000);
    private static final Duration SLOW_DELAY = Duration.ofSeconds(3);

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

    static Stream<Arguments> matrix() {
        return Arrays.stream(CallKind.values()).flatMap(kind -> Arrays.stream(Fault.values())
                .filter(fault -> kind.streams() || !fault.streamOnly)
                .map(fault -> Arguments.of(kind, fault)));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("matrix")
    void everyCallEndsWithTheExactOutcome(CallKind kind, Fault fault) {
        fault.script(kind.streams()).forEach(simulator::enqueue);

        try (Grok4Client client = client(fault)) {
            Result result = assertTimeoutPreemptively(HANG, () -> kind.call(client, request()));

            fault.expected.check(kind, result);
            assertThat(client.permitsInUse()).as("permits still held").isZero();
            assertThat(client.permitWaiters()).isZero();
            assertThat(client.metrics().retries()).isEqualTo(fault.expected.retries);
            assertThat(client.metrics().fallbacks()).isEqualTo(fault.expected.fallbacks);
        }
        assertThat(simulator.requestCount()).isEqualTo(fault.expected.requests);
        assertThat(lastModel()).isEqualTo(fault.expected.lastModel);
        fault.expected.checkSleeps(sleeps);
    }

    private Grok4Client client(Fault fault) {
        Grok4Config config = Grok4Config.builder().baseUrl(simulator.baseUrl().toString())
                .cacheType(Grok4Config.CacheType.NONE)
                .maxAttempts(3)
                .fallbackModels(List.of("grok-3"))
                .requestTimeout(fault == Fault.SLOW_HEADERS_THEN_OK
                        || fault == Fault.STREAM_STALL ? SLOW_TIMEOUT : Duration.ofSeconds(10))
                .build();
        return Grok4Client.builder().config(config).environment(name -> null)
                .sleeper(new RecordingSleeper(sleeps)).build();
    }

    private static ChatRequest request() {
        return ChatRequest.ofPrompt("fault matrix");
    }

    private static String lastModel() {
        List<RecordedRequest> requests = simulator.requests();
        return requests.get(requests.size() - 1).json().get("model").asText();
    }


    private static final String CONTENT = "Hello there";
    private static final String BUSY = "{\"error\":{\"message\":\"busy\",\"type\":\"server_error\""
            + ",\"code\":null}}";
    private static final String LIMITED = "{\"error\":{\"message\":\"Slow down\",\"type\":"
            + "\"requests\",\"code\":\"rate_limit_exceeded\"}}";
    private static final String NO_QUOTA = "{\"error\":{\"message\":\"You exceeded your current"
            + " quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}";
    private static final String BAD_KEY = "{\"error\":{\"message\":\"Incorrect API key\","
            + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}";

    /** The answer of {@code model}: a JSON body, or an event stream for a streaming call. */
    private static ScriptedResponse ok(boolean stream, String model) {
        if (!stream) {
            return ScriptedResponse.json(200, "{\"id\":\"r1\",\"model\":\"" + model + "\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                    + "\"" + CONTENT + "\"},\"finish_reason\":\"stop\"}],\"usage\":"
                    + "{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}");
        }
        return ScriptedResponse.sseData(List.of(delta(model, "Hello"), delta(model, " there"),
                chunk(model, "{}", ",\"finish_reason\":\"stop\""), usage(model)));
    }

    private static String sse(List<String> payloads) {
        StringBuilder text = new StringBuilder();
        payloads.forEach(p -> text.append("data: ").append(p).append("\n\n"));
        return text.toString();
    }

    private static String delta(String model, String text) {
        return chunk(model, "{\"content\":\"" + text + "\"}", "");
    }

    private static String chunk(String model, String delta, String finish) {
        return "{\"id\":\"c1\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":"
                + delta + finish + "}]}";
    }

    private static String usage(String model) {
        return "{\"id\":\"c1\",\"model\":\"" + model + "\",\"choices\":[],\"usage\":"
                + "{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";
    }

    private static ScriptedResponse cutStream() {
        String body = sse(List.of(delta("grok-4", "Partial"), delta("grok-4", " answer"),
                delta("grok-4", " more"), usage("grok-4"))) + "data: [DONE]\n\n";
        return ScriptedResponse.sse(body).cutAfterBytes(body.indexOf(" more") - 10);
    }

    private static ScriptedResponse stalledStream() {
        String first = sse(List.of(delta("grok-4", "Hello")));
        String body = first + sse(List.of(delta("grok-4", " there"),
                chunk("grok-4", "{}", ",\"finish_reason\":\"stop\""), usage("grok-4")))
                + "data: [DONE]\n\n";
        return ScriptedResponse.sse(body).writeInPieces(first.length())
                .pauseBetweenPieces(SLOW_DELAY);
    }

    private static ScriptedResponse errorFrameStream() {
        return ScriptedResponse.sse(sse(List.of(delta("grok-4", "Hello"),
                delta("grok-4", " world"))) + "event: error\ndata: {\"error\":{\"message\":"
                + "\"Overloaded\",\"type\":\"server_error\",\"code\":\"overloaded\"}}\n\n");
    }

    /** The faults, each with the responses it scripts and the outcome it must end with. */
    enum Fault {
        RATE_LIMITED_THEN_OK(false, s -> List.of(ScriptedResponse.json(429, LIMITED)
                .header("retry-after", "1"), ok(s, "grok-4")),
                Expected.success(2, "grok-4", 2).retries(1).sleeps(Duration.ofSeconds(1))),
        SERVER_ERROR_THEN_OK(false, s -> List.of(ScriptedResponse.json(503, BUSY),
                ok(s, "grok-4")), Expected.success(2, "grok-4", 2).retries(1).backoff()),
        // A reset looks like a stale pooled connection, which the transport sends again at
        // once: two resets make one failed attempt.
        CONNECTION_RESET_THEN_OK(false, s -> List.of(ScriptedResponse.drop(),
                ScriptedResponse.drop(), ok(s, "grok-4")),
                Expected.success(2, "grok-4", 3).retries(1).backoff()),
        SLOW_HEADERS_THEN_OK(false, s -> List.of(ok(s, "grok-4").delay(SLOW_DELAY),
                ok(s, "grok-4")), Expected.success(2, "grok-4", 2).retries(1).backoff()),
        STREAM_CUT(true, s -> List.of(cutStream()),
                Expected.failure(StreamTruncatedException.class, ErrorKind.STREAM_TRUNCATED, 200,
                        "Partial answer")),
        // The server sends the headers and the first chunk, then nothing for longer than the
        // request timeout: the stream must fail, not wait for as long as the server does.
        STREAM_STALL(true, s -> List.of(stalledStream()),
                Expected.failure(Grok4TimeoutException.class, ErrorKind.TIMEOUT, 0, "Hello")),
        ERROR_FRAME(true, s -> List.of(errorFrameStream()),
                Expected.failure(ServerException.class, ErrorKind.SERVER, 200, "Hello world")),
        QUOTA_EXHAUSTED(false, s -> List.of(ScriptedResponse.json(429, NO_QUOTA)),
                Expected.failure(QuotaExhaustedException.class, ErrorKind.QUOTA_EXHAUSTED, 429,
                        null)),
        UNAUTHORIZED(false, s -> List.of(ScriptedResponse.json(401, BAD_KEY)),
                Expected.failure(AuthenticationException.class, ErrorKind.AUTHENTICATION, 401,
                        null)),
        PRIMARY_DOWN_FALLBACK_OK(false, s -> List.of(ScriptedResponse.json(503, BUSY),
                ScriptedResponse.json(503, BUSY), ScriptedResponse.json(503, BUSY),
                ok(s, "grok-3")), Expected.success(4, "grok-3", 4).retries(2).fallbacks(1)
                        .backoff().backoff());

        final boolean streamOnly;
        private final Function<Boolean, List<ScriptedResponse>> script;
        final Expected expected;

        Fault(boolean streamOnly, Function<Boolean, List<ScriptedResponse>> script,
                Expected expected) {
            this.streamOnly = streamOnly;
            this.script = script;
            this.expected = expected;
        }

        List<ScriptedResponse> script(boolean stream) {
            return script.apply(stream);
        }
    }

    /** What one case must end with. */
    static final class Expected {
        private final @Nullable Class<? extends Grok4Exception> type;
        private final @Nullable ErrorKind kind;
        private final int status;
        private final @Nullable String partial;
        private final int attempts;
        private final String model;
        final int requests;
        final String lastModel;
        long retries;
        long fallbacks;
        /** Each expected wait: exact for Retry-After, else the nominal backoff before jitter. */
        final List<Duration> sleeps = new ArrayList<>();
        private final List<Boolean> jittered = new ArrayList<>();

        private Expected(@Nullable Class<? extends Grok4Exception> type, @Nullable ErrorKind kind,
                int status, @Nullable String partial, int attempts, String model, int requests) {
            this.type = type;
            this.kind = kind;
            this.status = status;
            this.partial = partial;
            this.attempts = attempts;
            this.model = model;
            this.requests = requests;
            this.lastModel = model;
        }

        static Expected success(int attempts, String model, int requests) {
            return new Expected(null, null, 0, null, attempts, model, requests);
        }

        static Expected failure(Class<? extends Grok4Exception> type, ErrorKind kind, int status,
                @Nullable String partial) {
            return new Expected(type, kind, status, partial, 1, "grok-4", 1);
        }

        Expected retries(long count) {
            retries = count;
            return this;
        }

        Expected fallbacks(long count) {
            fallbacks = count;
            return this;
        }

        Expected sleeps(Duration delay) {
            sleeps.add(delay);
            jittered.add(false);
            return this;
        }

        /**
         * One backoff wait before the next retry of the same model: 1 s doubled per earlier
         * retry, jittered down to half of that.
         */
        Expected backoff() {
            long retry = jittered.stream().filter(j -> j).count();
            sleeps.add(Duration.ofSeconds(1L << retry));
            jittered.add(true);
            return this;
        }

        void checkSleeps(List<Duration> actual) {
            assertThat(actual).as("retry waits").hasSize(sleeps.size());
            for (int i = 0; i < sleeps.size(); i++) {
                Duration expected = sleeps.get(i);
                if (jittered.get(i)) {
                    assertThat(actual.get(i)).isBetween(expected.dividedBy(2), expected);
                } else {
                    assertThat(actual.get(i)).isEqualTo(expected);
                }
            }
        }

        void check(CallKind call, Result result) {
            if (type == null) {
                checkSuccess(result);
            } else {
                checkFailure(call, result);
            }
        }

        private void checkSuccess(Result result) {
            assertThat(result.error()).as("failure").isNull();
            assertThat(result.content()).isEqualTo(CONTENT);
            ChatResponse response = result.response();
            if (response != null) {
                assertThat(response.attempts()).isEqualTo(attempts);
                assertThat(response.requestedModel()).isEqualTo(model);
                assertThat(response.model()).isEqualTo(model);
            }
        }

        private void checkFailure(CallKind call, Result result) {
            assertThat(result.error()).isInstanceOf(type);
            Grok4Exception e = (Grok4Exception) result.error();
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.partialContent()).isEqualTo(partial);
            assertThat(result.response()).isNull();
            if (call.streams()) {
                assertThat(result.content()).isEqualTo(partial == null ? "" : partial);
            }
        }
    }

    /** How a case ended: the text that arrived, the response, or the failure. */
    record Result(String content, @Nullable ChatResponse response, @Nullable Throwable error) {}

    /** The ways of calling the client: the four of issue #4, and the handler stream. */
    enum CallKind {
        SYNC_CHAT {
            @Override
            Result call(Grok4Client client, ChatRequest request) {
                try {
                    ChatResponse response = client.chat(request);
                    return new Result(response.content(), response, null);
                } catch (Grok4Exception e) {
                    return new Result("", null, e);
                }
            }
        },
        ASYNC_CHAT {
            @Override
            Result call(Grok4Client client, ChatRequest request) throws Exception {
                try {
                    ChatResponse response = client.chatAsync(request).get();
                    return new Result(response.content(), response, null);
                } catch (ExecutionException e) {
                    return new Result("", null, e.getCause());
                }
            }
        },
        BLOCKING_STREAM {
            @Override
            Result call(Grok4Client client, ChatRequest request) {
                StringBuilder text = new StringBuilder();
                try (ChatStream stream = client.stream(request)) {
                    stream.forEach(chunk -> text.append(chunk.content()));
                    return new Result(text.toString(), stream.response(), null);
                } catch (Grok4Exception e) {
                    return new Result(text.toString(), null, e);
                }
            }
        },
        PUBLISHER_STREAM {
            @Override
            Result call(Grok4Client client, ChatRequest request) throws Exception {
                OneByOne subscriber = new OneByOne();
                client.streamPublisher(request).subscribe(subscriber);
                Throwable error = subscriber.end.get();
                return new Result(subscriber.text.toString(), null, error);
            }
        },

        HANDLER_STREAM {
            @Override
            Result call(Grok4Client client, ChatRequest request) throws Exception {
                StringBuffer text = new StringBuffer();
                CompletableFuture<ChatResponse> future = client.stream(request,
                        chunk -> text.append(chunk.content()));
                try {
                    ChatResponse response = future.get();
                    return new Result(text.toString(), response, null);
                } catch (ExecutionException e) {
                    return new Result(text.toString(), null, e.getCause());
                }
            }
        };

        abstract Result call(Grok4Client client, ChatRequest request) throws Exception;

        boolean streams() {
            return this != SYNC_CHAT && this != ASYNC_CHAT;
        }
    }
}
