package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.grok4.internal.ChatExecutor;
import dev.grok4.internal.http.HttpCall;
import dev.grok4.internal.http.HttpStreamResult;
import dev.grok4.internal.http.JdkHttpTransport;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.ContentPart;
import dev.grok4.model.Message;
import dev.grok4.model.ModelInfo;
import dev.grok4.model.ResponseFormat;
import dev.grok4.model.Tool;
import dev.grok4.model.ToolCall;
import dev.grok4.model.ToolChoice;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.RecordedRequest;
import dev.grok4.testkit.ScriptedResponse;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Grok4ClientTest {
    private static final String OK_BODY = "{\"id\":\"r1\",\"object\":\"chat.completion\","
            + "\"model\":\"grok-4-0709\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
            + "\"assistant\",\"content\":\"Tokyo\"},\"finish_reason\":\"stop\"}],\"usage\":"
            + "{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}";

    private static Grok4Simulator simulator;

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

    /** A client that makes exactly one exchange per call: no cache, retries or fallback. */
    private static Grok4Client.Builder local() {
        return singleExchange(Grok4Client.builder().baseUrl(simulator.baseUrl().toString())
                .environment(name -> null));
    }

    static Grok4Client.Builder singleExchange(Grok4Client.Builder builder) {
        builder.settings().cacheType(Grok4Config.CacheType.NONE).maxAttempts(1)
                .fallbackModels(List.of()).circuitBreakerEnabled(false);
        return builder;
    }

    @Test
    void missingKeyFailsAtTheFirstCallNamingTheSetting() {
        Grok4Client client = Grok4Client.builder().baseUrl(Grok4Config.XAI_BASE_URL)
                .environment(name -> null).build();

        Grok4Exception e = catchThrowableOfType(Grok4Exception.class, () -> client.ask("hi"));

        assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(e.getMessage()).isEqualTo(
                "No API key: set the environment variable GROK4_API_KEY or Grok4Config.apiKey");
        assertThat(catchThrowableOfType(Grok4Exception.class, client::listModels).kind())
                .isEqualTo(ErrorKind.CONFIGURATION);
        client.close();
    }

    @Test
    void blankKeyCountsAsMissing() {
        Grok4Client client = Grok4Client.builder().baseUrl("https://gateway.example/v1")
                .apiKey("   ").environment(name -> " \t").build();

        assertThatThrownBy(() -> client.ask("hi")).isInstanceOf(Grok4Exception.class)
                .hasMessageContaining("GROK4_API_KEY");
    }

    @Test
    void loopbackNeedsNoKeyAndGetsNoAuthorizationHeader() {
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY));
        try (Grok4Client client = local().build()) {
            assertThat(client.ask("capital of Japan?")).isEqualTo("Tokyo");
        }
        RecordedRequest request = simulator.requests().get(0);
        assertThat(request.header("authorization")).isNull();
        assertThat(request.header("user-agent")).isEqualTo("grok4-java/0.1");
        assertThat(request.header("accept")).isEqualTo("application/json");
        assertThat(request.header("content-type")).startsWith("application/json");
    }

    @Test
    void loopbackAddresses() {
        assertThat(dev.grok4.internal.Credentials.isLoopback("localhost")).isTrue();
        assertThat(dev.grok4.internal.Credentials.isLoopback("127.0.0.1")).isTrue();
        assertThat(dev.grok4.internal.Credentials.isLoopback("127.10.20.30")).isTrue();
        assertThat(dev.grok4.internal.Credentials.isLoopback("[::1]")).isTrue();
        assertThat(dev.grok4.internal.Credentials.isLoopback("127.example.com")).isFalse();
        assertThat(dev.grok4.internal.Credentials.isLoopback("api.x.ai")).isFalse();
        assertThat(dev.grok4.internal.Credentials.isLoopback("10.0.0.1")).isFalse();
    }

    @Test
    void keyFromEnvironmentIsTrimmedAndSent() {
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY));
        try (Grok4Client client = local()
                .environment(name -> name.equals("GROK4_API_KEY") ? "  env-key-1  " : null)
                .build()) {
            client.ask("hi");
        }
        assertThat(simulator.requests().get(0).header("authorization"))
                .isEqualTo("Bearer env-key-1");
    }

    @Test
    void configuredKeyWinsOverEnvironment() {
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY));
        try (Grok4Client client = local().apiKey("config-key")
                .environment(name -> "env-key").build()) {
            client.ask("hi");
        }
        assertThat(simulator.requests().get(0).header("authorization"))
                .isEqualTo("Bearer config-key");
    }

    @Test
    void xaiKeyForAnotherHostWarnsOncePerClientWithoutTheKey() {
        String key = "xai-TESTSECRET-9f3b2c";
        try (TestSupport.LogCapture logs = new TestSupport.LogCapture();
                Grok4Client client = Grok4Client.builder().baseUrl("https://gateway.example/v1")
                        .apiKey(key).build()) {
            assertThat(logs.at(Level.WARNING)).hasSize(1);
            assertThat(logs.lines()).noneMatch(line -> line.contains(key))
                    .anyMatch(line -> line.contains("gateway.example")
                            && line.contains("api.x.ai"));
        }
        try (TestSupport.LogCapture logs = new TestSupport.LogCapture();
                Grok4Client client = Grok4Client.builder().baseUrl(Grok4Config.XAI_BASE_URL)
                        .apiKey(key).build()) {
            assertThat(logs.at(Level.WARNING)).isEmpty();
        }
    }

    @Test
    void xaiKeyForALoopbackServerIsNotWarnedAbout() {
        try (TestSupport.LogCapture logs = new TestSupport.LogCapture();
                Grok4Client client = local().apiKey("xai-TESTSECRET-9f3b2c").build()) {
            simulator.enqueue(ScriptedResponse.json(200, OK_BODY));
            client.ask("one");

            assertThat(logs.at(Level.WARNING)).isEmpty();
        }
    }

    @Test
    void debugLinePerRequestWithoutPromptOrCompletion() {
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY).header("x-request-id", "req-77"));
        try (TestSupport.LogCapture logs = new TestSupport.LogCapture();
                Grok4Client client = local().build()) {
            client.ask("secret prompt text");

            assertThat(logs.at(Level.INFO)).isEmpty();
            assertThat(logs.lines()).anyMatch(line -> line.contains("model=grok-4")
                    && line.contains("status=200") && line.contains("requestId=req-77")
                    && line.contains("latency="));
            assertThat(logs.lines()).noneMatch(line -> line.contains("secret prompt text")
                    || line.contains("Tokyo"));
        }
    }

    @Test
    void responseCarriesParsedValuesAndCallFacts() {
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY));
        try (Grok4Client client = local().build()) {
            ChatResponse response = client.chat(ChatRequest.ofPrompt("capital?"));

            assertThat(response.id()).isEqualTo("r1");
            assertThat(response.model()).isEqualTo("grok-4-0709");
            assertThat(response.requestedModel()).isEqualTo("grok-4");
            assertThat(response.attempts()).isEqualTo(1);
            assertThat(response.latency()).isPositive();
            assertThat(response.usage().outputTokens()).isEqualTo(1);
        }
        assertThat(simulator.requests().get(0).json().path("model").asText()).isEqualTo("grok-4");
    }

    @Test
    void encodesEveryRequestField() {
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("order", List.of("a", "b"));
        nested.put("none", null);
        ChatRequest request = ChatRequest.builder().model("grok-3")
                .addMessage(Message.system("Be brief.").withName("sys"))
                .addMessage(Message.user(List.of(ContentPart.text("What is this?"),
                        ContentPart.imageUrl("https://example.com/cat.png", "high"))))
                .addMessage(Message.assistant(null, List.of(
                        new ToolCall("call_1", "weather", "{\"city\":\"東京\"}"))))
                .addMessage(Message.tool("call_1", "{\"temp\":21}"))
                .temperature(0.2).topP(0.9).presencePenalty(0.1).frequencyPenalty(0.3)
                .maxCompletionTokens(300).maxTokens(200).seed(42L).n(1).stop(List.of("END"))
                .user("user-1")
                .addTool(Tool.function("weather", "Current weather",
                        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}")
                        .strict(true))
                .toolChoice(ToolChoice.function("weather")).parallelToolCalls(false)
                .responseFormat(ResponseFormat.jsonObject())
                .extraBody("search_parameters", Map.of("mode", "off"))
                .extraBody("gateway", nested)
                .build();
        try (Grok4Client client = local().build()) {
            client.chat(request);
        }

        JsonNode body = simulator.requests().get(0).json();
        assertThat(body.path("model").asText()).isEqualTo("grok-3");
        JsonNode messages = body.path("messages");
        assertThat(messages.get(0).toString())
                .isEqualTo("{\"role\":\"system\",\"content\":\"Be brief.\",\"name\":\"sys\"}");
        assertThat(messages.get(1).path("content").toString()).isEqualTo("[{\"type\":\"text\","
                + "\"text\":\"What is this?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":"
                + "\"https://example.com/cat.png\",\"detail\":\"high\"}}]");
        assertThat(messages.get(2).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":"
                + "null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\\\"東京\\\"}\"}}]}");
        assertThat(messages.get(3).toString()).isEqualTo("{\"role\":\"tool\",\"content\":"
                + "\"{\\\"temp\\\":21}\",\"tool_call_id\":\"call_1\"}");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("presence_penalty").asDouble()).isEqualTo(0.1);
        assertThat(body.path("frequency_penalty").asDouble()).isEqualTo(0.3);
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(300);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(200);
        assertThat(body.path("seed").asLong()).isEqualTo(42);
        assertThat(body.path("n").asInt()).isEqualTo(1);
        assertThat(body.path("stop").toString()).isEqualTo("[\"END\"]");
        assertThat(body.path("user").asText()).isEqualTo("user-1");
        assertThat(body.path("tools").toString()).isEqualTo("[{\"type\":\"function\","
                + "\"function\":{\"name\":\"weather\",\"description\":\"Current weather\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":"
                + "\"string\"}}},\"strict\":true}}]");
        assertThat(body.path("tool_choice").toString())
                .isEqualTo("{\"type\":\"function\",\"function\":{\"name\":\"weather\"}}");
        assertThat(body.path("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(body.path("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
        assertThat(body.path("search_parameters").toString()).isEqualTo("{\"mode\":\"off\"}");
        assertThat(body.path("gateway").toString())
                .isEqualTo("{\"order\":[\"a\",\"b\"],\"none\":null}");
        assertThat(body.has("stream")).isFalse();
        assertThat(body.has("reasoning_effort")).isFalse();
    }

    @Test
    void stringToolChoiceAndSchemaFormat() {
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY));
        try (Grok4Client client = local().build()) {
            client.chat(ChatRequest.builder().model("grok-3-mini").reasoningEffort("high")
                    .addMessage(Message.user("x")).toolChoice(ToolChoice.required())
                    .responseFormat(ResponseFormat.jsonSchema("answer",
                            "{\"type\":\"object\"}", true))
                    .build());
        }
        JsonNode body = simulator.requests().get(0).json();
        assertThat(body.path("tool_choice").asText()).isEqualTo("required");
        assertThat(body.path("reasoning_effort").asText()).isEqualTo("high");
        assertThat(body.path("response_format").toString()).isEqualTo("{\"type\":\"json_schema\","
                + "\"json_schema\":{\"name\":\"answer\",\"schema\":{\"type\":\"object\"},"
                + "\"strict\":true}}");
    }

    @Test
    void extraBodyCollidingWithAStandardFieldIsRejectedBeforeSending() {
        try (Grok4Client client = local().build()) {
            ChatRequest request = ChatRequest.builder().addMessage(Message.user("x"))
                    .extraBody("temperature", 2).build();

            assertThatThrownBy(() -> client.chat(request))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'temperature'");
            assertThat(client.chatAsync(request)).failsWithin(Duration.ofSeconds(5))
                    .withThrowableThat().withCauseInstanceOf(IllegalArgumentException.class);
            ChatRequest stream = ChatRequest.builder().addMessage(Message.user("x"))
                    .extraBody("stream", true).build();
            assertThatThrownBy(() -> client.chat(stream))
                    .hasMessageContaining("'stream'");
        }
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void extraBodyValueJsonCannotHoldIsRejected() {
        try (Grok4Client client = local().build()) {
            assertThatThrownBy(() -> client.chat(ChatRequest.builder()
                    .addMessage(Message.user("x")).extraBody("when", new Object()).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'when'").hasMessageContaining("java.lang.Object");
            assertThatThrownBy(() -> client.chat(ChatRequest.builder()
                    .addMessage(Message.user("x")).extraBody("x", Double.NaN).build()))
                    .hasMessageContaining("NaN");
        }
    }

    @Test
    void invalidToolSchemaIsRejectedNamingTheTool() {
        try (Grok4Client client = local().build()) {
            assertThatThrownBy(() -> client.chat(ChatRequest.builder()
                    .addMessage(Message.user("x"))
                    .addTool(Tool.function("lookup", null, "{not json")).build()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tool 'lookup'");
        }
    }

    @Test
    void asyncCallCompletesOnTheUsersExecutor() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY));
        try (Grok4Client client = local().executor(task -> {
            tasks.incrementAndGet();
            pool.execute(task);
        }).build()) {
            CompletableFuture<ChatResponse> future = client.chatAsync(ChatRequest.ofPrompt("q"));

            assertThat(future.get(10, TimeUnit.SECONDS).content()).isEqualTo("Tokyo");
            assertThat(tasks.get()).isPositive();
        } finally {
            pool.shutdown();
        }
        assertThat(pool.isShutdown()).isTrue();
    }

    @Test
    void asyncErrorsArriveTyped() {
        simulator.enqueue(ScriptedResponse.json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
        try (Grok4Client client = local().build()) {
            ExecutionException e = catchThrowableOfType(ExecutionException.class,
                    () -> client.chatAsync(ChatRequest.ofPrompt("q")).get(10, TimeUnit.SECONDS));

            assertThat(e.getCause()).isInstanceOf(ServerException.class)
                    .hasMessage("HTTP 503 service_unavailable: overloaded");
        }
    }

    @Test
    void requestTimeoutGivesTimeoutException() {
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY).delay(Duration.ofSeconds(3)));
        try (Grok4Client client = local().requestTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> client.ask("q")).isInstanceOf(Grok4TimeoutException.class)
                    .hasMessageContaining("/v1/chat/completions");
        }
    }

    @Test
    void refusedConnectionGivesConnectionException() {
        try (Grok4Client client = singleExchange(Grok4Client.builder()
                .baseUrl("http://127.0.0.1:1/v1").environment(name -> null)).build()) {
            Grok4Exception e = catchThrowableOfType(Grok4Exception.class, () -> client.ask("q"));

            assertThat(e).isInstanceOf(ConnectionException.class);
            assertThat(e.isRetryable()).isTrue();
        }
    }

    @Test
    void connectionClosedWithoutAnswerIsSentOnceMoreThenReported() {
        simulator.enqueue(ScriptedResponse.drop());
        simulator.enqueue(ScriptedResponse.drop());
        try (Grok4Client client = local().build()) {
            assertThatThrownBy(() -> client.ask("q")).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("header parser received no bytes");
        }
        assertThat(simulator.requestCount()).isEqualTo(2);
    }

    @Test
    void connectionClosedWithoutAnswerOnceIsRecoveredSyncAndAsync() {
        simulator.enqueue(ScriptedResponse.drop());
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY));
        simulator.enqueue(ScriptedResponse.drop());
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY));
        try (Grok4Client client = local().build()) {
            assertThat(client.ask("q")).isEqualTo("Tokyo");
            assertThat(client.chatAsync(ChatRequest.ofPrompt("q")))
                    .succeedsWithin(Duration.ofSeconds(10))
                    .extracting(ChatResponse::content).isEqualTo("Tokyo");
        }
        assertThat(simulator.requestCount()).isEqualTo(4);
    }

    @Test
    void htmlOkBodyIsUnexpectedContent() {
        simulator.enqueue(ScriptedResponse.body(200, "text/html",
                "<html><body>Welcome to the captive portal</body></html>"
                        .getBytes(StandardCharsets.UTF_8)));
        try (Grok4Client client = local().build()) {
            UnexpectedContentException e = catchThrowableOfType(UnexpectedContentException.class,
                    () -> client.ask("q"));

            assertThat(e.status()).isEqualTo(200);
            assertThat(e.snippet()).isEqualTo(
                    "<html><body>Welcome to the captive portal</body></html>");
            assertThat(e.isRetryable()).isFalse();
        }
    }

    @Test
    void truncatedJsonIsUnexpectedContent() {
        simulator.enqueue(ScriptedResponse.json(200, "{\"id\":\"x\",\"choices\":[{\"ind"));
        try (Grok4Client client = local().build()) {
            assertThatThrownBy(() -> client.ask("q"))
                    .isInstanceOf(UnexpectedContentException.class)
                    .hasMessageContaining("could not be read");
        }
    }

    @Test
    void errorEnvelopeWithStatus200IsAnError() {
        simulator.enqueue(ScriptedResponse.json(200,
                "{\"error\":{\"message\":\"upstream failed\",\"type\":\"upstream_error\"}}"));
        try (Grok4Client client = local().build()) {
            assertThatThrownBy(() -> client.ask("q")).isInstanceOf(ServerException.class)
                    .hasMessage("HTTP 200 ok (upstream_error): upstream failed");
        }
    }

    @Test
    void listsModelsFromTheSimulator() {
        try (Grok4Client client = local().build()) {
            List<ModelInfo> models = client.listModels();

            assertThat(models).extracting(ModelInfo::id)
                    .containsExactly("grok-4", "grok-3", "grok-3-mini");
            client.verifyCredentials();
        }
        assertThat(simulator.requests()).extracting(RecordedRequest::path)
                .containsOnly("/v1/models");
    }

    @Test
    void verifyCredentialsReportsARejectedKey() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/models", exchange -> {
            byte[] body = ("{\"error\":{\"message\":\"Incorrect API key provided: wr***ng.\","
                    + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        try (Grok4Client client = Grok4Client.builder().baseUrl(base).apiKey("wrong").build()) {
            assertThatThrownBy(client::verifyCredentials)
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessage("HTTP 401 unauthorized (invalid_request_error): Incorrect API key"
                            + " provided: wr***ng.");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void plainHttpUsesHttp11WithoutAnUpgradeAndHttpsPrefersHttp2() {
        simulator.enqueue(ScriptedResponse.json(200, OK_BODY));
        try (Grok4Client client = local().build()) {
            client.ask("q");
        }
        assertThat(simulator.requests().get(0).header("upgrade")).isNull();
        assertThat(simulator.requests().get(0).header("http2-settings")).isNull();
        try (JdkHttpTransport https = new JdkHttpTransport(true, Duration.ofSeconds(1),
                Runnable::run);
                JdkHttpTransport http = new JdkHttpTransport(false, Duration.ofSeconds(1),
                        Runnable::run)) {
            assertThat(https.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(http.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        }
    }

    @Test
    void streamCallCompletesWhenHeadersArriveAndStreamsTheBody() throws Exception {
        simulator.enqueue(ScriptedResponse.sseData(List.of("{\"choices\":[{\"delta\":"
                + "{\"content\":\"Hi\"}}]}")));
        try (Grok4Client client = local().build()) {
            ChatExecutor chat = client.chatExecutor();
            HttpCall call = chat.streamCall(chat.prepare(ChatRequest.ofPrompt("q")));
            HttpStreamResult result = chat.transport().sendStreaming(call)
                    .get(10, TimeUnit.SECONDS);

            assertThat(result.status()).isEqualTo(200);
            assertThat(result.header("content-type")).startsWith("text/event-stream");
            CompletableFuture<String> text = new CompletableFuture<>();
            result.body().subscribe(new Flow.Subscriber<>() {
                private final StringBuilder out = new StringBuilder();

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(List<ByteBuffer> buffers) {
                    buffers.forEach(b -> out.append(StandardCharsets.UTF_8.decode(b)));
                }

                @Override
                public void onError(Throwable failure) {
                    text.completeExceptionally(failure);
                }

                @Override
                public void onComplete() {
                    text.complete(out.toString());
                }
            });
            assertThat(text.get(10, TimeUnit.SECONDS)).isEqualTo(
                    "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: [DONE]\n\n");
        }
        RecordedRequest request = simulator.requests().get(0);
        assertThat(request.header("accept")).isEqualTo("text/event-stream");
        assertThat(request.json().path("stream").asBoolean()).isTrue();
        assertThat(request.json().path("stream_options").path("include_usage").asBoolean())
                .isTrue();
    }

    @Test
    void closedClientRefusesCalls() {
        Grok4Client client = local().build();
        client.close();

        assertThatThrownBy(() -> client.ask("q")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(client.chatAsync(ChatRequest.ofPrompt("q")))
                .failsWithin(Duration.ofSeconds(1)).withThrowableThat()
                .withCauseInstanceOf(IllegalStateException.class);
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void toStringNeverShowsTheKey() {
        try (Grok4Client client = local().apiKey("xai-TESTSECRET-9f3b2c").build()) {
            assertThat(client.toString()).doesNotContain("TESTSECRET");
            assertThat(client.config().toString()).doesNotContain("TESTSECRET");
        }
    }
}
