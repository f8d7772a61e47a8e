package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.grok4.model.ChatRequest;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API key a server echoes back never reaches an exception or a log line. */
class RedactionTest {
    private static final String KEY = "xai-TESTSECRET-9f3b2c";
    private static Grok4Simulator simulator;

    @BeforeAll
    static void start() {
        simulator = Grok4Simulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static void assertNoKeyAnywhere(Grok4Exception e, TestSupport.LogCapture logs) {
        List<String> texts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
        texts.add(String.valueOf(e.providerMessage()));
        if (e instanceof UnexpectedContentException u) {
            texts.add(u.snippet());
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        texts.add(trace.toString());
        texts.addAll(logs.lines());
        assertThat(texts).noneMatch(text -> text.contains(KEY))
                .noneMatch(text -> text.contains("TESTSECRET"));
        assertThat(logs.records()).isNotEmpty();
    }

    private static Grok4Exception call(ScriptedResponse response, Consumer<Grok4Exception> more) {
        simulator.reset();
        simulator.enqueue(response);
        try (TestSupport.LogCapture logs = new TestSupport.LogCapture();
                Grok4Client client = Grok4ClientTest.singleExchange(Grok4Client.builder())
                        .baseUrl(simulator.baseUrl().toString())
                        .apiKey(KEY).build()) {
            Grok4Exception e = catchThrowableOfType(Grok4Exception.class,
                    () -> client.chat(ChatRequest.ofPrompt("hello")));
            assertThat(e).isNotNull();
            assertNoKeyAnywhere(e, logs);
            more.accept(e);
            return e;
        }
    }

    @Test
    void keyEchoedInAnXaiErrorBody() {
        call(ScriptedResponse.json(400, "{\"code\":\"Client specified an invalid argument\","
                + "\"error\":\"Incorrect API key provided: " + KEY + ". You can obtain an API key"
                + " from https://console.x.ai.\"}"), e -> {
                    assertThat(e).isInstanceOf(AuthenticationException.class);
                    assertThat(e.providerMessage()).isEqualTo(
                            "Incorrect API key provided: [REDACTED]. You can obtain an API key"
                                    + " from https://console.x.ai.");
                });
    }

    @Test
    void keyEchoedInAnOpenAiErrorBody() {
        call(ScriptedResponse.json(401, "{\"error\":{\"message\":\"Bad key " + KEY + "\","
                + "\"type\":\"" + KEY + "\",\"code\":\"invalid_api_key\"}}"),
                e -> assertThat(e.getMessage()).contains("Bad key [REDACTED]"));
    }

    @Test
    void keyEchoedInAnHtmlPage() {
        call(ScriptedResponse.body(502, "text/html", ("<html>Upstream rejected Authorization:"
                + " Bearer " + KEY + "</html>").getBytes(StandardCharsets.UTF_8)),
                e -> assertThat(e).isInstanceOf(UnexpectedContentException.class));
    }

    @Test
    void keyEchoedInsideMalformedJsonKeepsItOutOfTheParserCause() {
        call(ScriptedResponse.json(200, "{\"id\":\"x\",\"choices\":[" + KEY + "]}"),
                e -> assertThat(e).isInstanceOf(UnexpectedContentException.class));

        String plainKey = "TESTSECRETplainkey42";
        simulator.reset();
        simulator.enqueue(ScriptedResponse.json(200, "{\"choices\":[" + plainKey + "]}"));
        try (TestSupport.LogCapture logs = new TestSupport.LogCapture();
                Grok4Client client = Grok4ClientTest.singleExchange(Grok4Client.builder())
                        .baseUrl(simulator.baseUrl().toString())
                        .apiKey(plainKey).build()) {
            Grok4Exception e = catchThrowableOfType(Grok4Exception.class,
                    () -> client.chat(ChatRequest.ofPrompt("hello")));

            assertThat(e.getCause()).hasMessageContaining("Unrecognized token '[REDACTED]'");
            assertNoKeyAnywhere(e, logs);
        }
    }
}
