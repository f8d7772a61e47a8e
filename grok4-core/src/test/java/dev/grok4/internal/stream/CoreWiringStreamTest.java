package dev.grok4.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.ChatStream;
import dev.grok4.Grok4Config;
import dev.grok4.RateLimitedException;
import dev.grok4.internal.ChatExecutor;
import dev.grok4.internal.Credentials;
import dev.grok4.internal.capabilities.ModelCapabilities;
import dev.grok4.internal.errors.ErrorMapper;
import dev.grok4.internal.errors.Redactor;
import dev.grok4.internal.http.JdkHttpTransport;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Message;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Streams through the pieces the client will use: the JDK transport, the chat executor's
 * request encoder and the core error mapper, wired as the integrator will wire them.
 */
class CoreWiringStreamTest {
    private static final String KEY = "sk-wiring-test-key-42";

    private Grok4Simulator simulator;
    private ExecutorService threads;
    private JdkHttpTransport transport;
    private ChatExecutor chat;
    private Grok4Config config;

    @BeforeEach
    void start() {
        simulator = Grok4Simulator.start();
        threads = Executors.newFixedThreadPool(2);
        config = Grok4Config.builder().baseUrl(simulator.baseUrl().toString()).apiKey(KEY)
                .model("grok-4").build();
        transport = new JdkHttpTransport(false, Duration.ofSeconds(5), threads);
        chat = new ChatExecutor(config, transport, Credentials.resolve(config, name -> null),
                ModelCapabilities.load(null), new ErrorMapper(new Redactor(KEY)), threads);
    }

    @AfterEach
    void stop() throws InterruptedException {
        transport.close();
        simulator.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void theStreamedReplyEqualsTheNonStreamedOneAndCarriesUsage() {
        ChatRequest request = chat.prepare(ChatRequest.builder()
                .addMessage(Message.user("Tell me about streams"))
                .maxTokens(40).build());
        ChatResponse whole = chat.execute(request);
        List<ChatChunk> chunks = new ArrayList<>();

        ChatResponse streamed;
        try (ChatStream stream = call(request).blocking()) {
            stream.forEach(chunks::add);
            streamed = stream.response();
        }

        assertThat(chunks.size()).isGreaterThan(2);
        assertThat(streamed.content()).isEqualTo(whole.content()).isNotEmpty();
        assertThat(streamed.finishReason()).isEqualTo(whole.finishReason());
        assertThat(streamed.usage()).isNotNull();
        assertThat(streamed.usage().totalTokens()).isEqualTo(whole.usage().totalTokens());
        assertThat(streamed.requestedModel()).isEqualTo("grok-4");
        String sent = simulator.requests().get(1).body();
        assertThat(sent).contains("\"stream\":true").contains("\"include_usage\":true");
    }

    @Test
    void aRateLimitAnswerIsTheCoreMappersTypedError() {
        simulator.enqueue(ScriptedResponse.json(429, "{\"error\":{\"message\":\"Slow down, "
                + KEY + "\",\"type\":\"rate_limit_exceeded\"}}").header("Retry-After", "3"));
        ChatRequest request = chat.prepare(ChatRequest.ofPrompt("Hi"));

        assertThatThrownBy(() -> call(request).blocking().response())
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                    assertThat(e.getMessage()).doesNotContain(KEY);
                    assertThat(e.providerMessage()).doesNotContain(KEY);
                });
    }

    private StreamingCall call(ChatRequest prepared) {
        ErrorMapper errors = chat.errors();
        return StreamingCall.builder(transport.sendStreaming(chat.streamCall(prepared)))
                .errorMapper(r -> errors.fromResponse(r.status(), r.headers(), r.body()))
                .failureMapper(chat::failure)
                .redactor(errors.redactor()::clean)
                .expectUsage(config.streamUsage())
                .requestedModel(prepared.model())
                .build();
    }
}
