package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.grok4.internal.capabilities.ModelCapabilities;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.Message;
import dev.grok4.testkit.Grok4Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapabilitiesTest {
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

    private static Grok4Client.Builder local() {
        return Grok4Client.builder().baseUrl(simulator.baseUrl().toString())
                .environment(name -> null);
    }

    private static ChatRequest withPenalty(String model) {
        return ChatRequest.builder().model(model).addMessage(Message.user("hi"))
                .presencePenalty(0.5).temperature(0.7).build();
    }

    @Test
    void builtInTableMatchesByLongestPrefix() {
        ModelCapabilities table = ModelCapabilities.load(null);

        assertThat(table.unsupported("grok-4")).contains("presence_penalty", "frequency_penalty",
                "stop", "reasoning_effort");
        assertThat(table.unsupported("grok-4-0709")).isEqualTo(table.unsupported("grok-4"));
        assertThat(table.unsupported("grok-3-mini-fast")).doesNotContain("reasoning_effort")
                .contains("presence_penalty");
        assertThat(table.unsupported("grok-3")).containsExactly("reasoning_effort");
        assertThat(table.unsupported("llama-3-70b")).isEmpty();
    }

    @Test
    void unsupportedParameterFailsBeforeSending() {
        try (Grok4Client client = local().build()) {
            assertThatThrownBy(() -> client.chat(withPenalty("grok-4-0709")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("grok-4-0709 does not support presence_penalty; remove it or set"
                            + " dropUnsupportedParameters");
            assertThatThrownBy(() -> client.chat(ChatRequest.builder()
                    .addMessage(Message.user("hi")).stop(List.of("END")).build()))
                    .hasMessage("grok-4 does not support stop; remove it or set"
                            + " dropUnsupportedParameters");
        }
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void dropUnsupportedParametersDropsAndLogsAtDebug() {
        Grok4Client.Builder builder = local();
        builder.settings().dropUnsupportedParameters(true);
        try (TestSupport.LogCapture logs = new TestSupport.LogCapture();
                Grok4Client client = builder.build()) {
            client.chat(withPenalty("grok-4"));

            assertThat(logs.at(Level.FINE)).anySatisfy(r -> assertThat(r.getMessage())
                    .contains("Dropped"));
        }
        JsonNode body = simulator.requests().get(0).json();
        assertThat(body.has("presence_penalty")).isFalse();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.7);
    }

    @Test
    void otherModelsKeepTheParameter() {
        try (Grok4Client client = local().build()) {
            client.chat(withPenalty("grok-3"));
        }
        assertThat(simulator.requests().get(0).json().path("presence_penalty").asDouble())
                .isEqualTo(0.5);
    }

    @Test
    void overrideFileReplacesRows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("caps.json");
        Files.writeString(file, "{\"models\":{\"grok-4\":{\"unsupported\":[]},"
                + "\"my-model\":{\"unsupported\":[\"temperature\"]}}}");
        Grok4Client.Builder builder = local();
        builder.settings().capabilitiesFile(file);
        try (Grok4Client client = builder.build()) {
            client.chat(withPenalty("grok-4"));
            assertThatThrownBy(() -> client.chat(withPenalty("my-model-2")))
                    .hasMessageStartingWith("my-model-2 does not support temperature");
        }
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void badOverrideFileIsRejectedNamingIt(@TempDir Path dir) throws IOException {
        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, "{\"models\":{\"grok-4\":{\"unsupported\":[\"presense\"]}}}");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"models\":");

        assertThatThrownBy(() -> ModelCapabilities.load(typo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo.json").hasMessageContaining("'presense'");
        assertThatThrownBy(() -> ModelCapabilities.load(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.json");
        assertThatThrownBy(() -> ModelCapabilities.load(dir.resolve("missing.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.json");
    }
}
