package dev.grok4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.Grok4SimulatorExtension;
import dev.grok4.testkit.ScriptedResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Grok4SimulatorExtension.class)
class ChatCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "xai-TESTSECRET-9f3b2c";

    @Test
    void startsTheEmbeddedSimulatorWhenNothingIsConfigured() {
        CliRun run = CliRun.of("chat", "こんにちは🌏");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains(ClientFactory.SIMULATOR_NOTICE);
        assertThat(run.out()).contains("こんにちは🌏");
    }

    @Test
    void printsTheChatObjectWithJson(Grok4Simulator simulator) throws Exception {
        CliRun run = CliRun.of("chat", "--base-url", simulator.baseUrl().toString(), "--json",
                "--cache", "none", "hello");

        JsonNode chat = JSON.readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(chat.get("model").asText()).isEqualTo("grok-4");
        assertThat(chat.get("content").asText()).contains("hello");
        assertThat(chat.get("tool_calls").isArray()).isTrue();
        assertThat(chat.get("tool_calls")).isEmpty();
        assertThat(chat.get("reasoning").isNull()).isTrue();
        assertThat(chat.get("source").asText()).isEqualTo("network");
        assertThat(chat.get("attempts").asInt()).isEqualTo(1);
        assertThat(chat.get("usage").get("total_tokens").asInt())
                .isEqualTo(chat.get("usage").get("prompt_tokens").asInt()
                        + chat.get("usage").get("completion_tokens").asInt());
        assertThat(run.out().strip().lines()).hasSize(1);
    }

    @Test
    void reportsAnApiErrorOnOneLineWithoutTheKey(Grok4Simulator simulator) {
        simulator.enqueue(ScriptedResponse.json(400, "{\"code\":\"Client specified an invalid "
                + "argument\",\"error\":\"Incorrect API key provided: " + KEY + ".\"}"));

        CliRun run = CliRun.of(Map.of("GROK4_API_KEY", KEY), "chat", "--base-url",
                simulator.baseUrl().toString(), "hello");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("400").containsIgnoringCase("api key")
                .doesNotContain(KEY).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsAnEmptyPromptAsAUsageError() {
        CliRun run = CliRun.of("chat", "  ");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("prompt is empty");
    }

    @Test
    void rejectsAnUnknownOptionAsAUsageError() {
        CliRun run = CliRun.of("chat", "--no-such-option", "hi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--no-such-option");
    }

    @Test
    void listsModelsAsJson(Grok4Simulator simulator) throws Exception {
        CliRun run = CliRun.of("models", "--base-url", simulator.baseUrl().toString(), "--json");

        JsonNode models = JSON.readTree(run.out()).get("models");
        assertThat(run.exitCode()).isZero();
        assertThat(models.get(0).get("id").asText()).isEqualTo("grok-4");
        assertThat(models.get(0).get("owned_by").asText()).isEqualTo("xai");
    }

    @Test
    void neverEchoesTheKeyInAUsageError() {
        CliRun run = CliRun.of("nosuchcommand", "--api-key", KEY, "hi");
        CliRun inline = CliRun.of("chat", "--api-key=" + KEY, "--bogus", "hi");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(inline.exitCode()).isEqualTo(2);
        assertThat(run.err() + run.out() + inline.err() + inline.out()).doesNotContain(KEY);
    }

    @Test
    void refusesAPromptTheLocaleCouldNotDecode() {
        CliRun run = CliRun.of("chat", "\uFFFD\uFFFD\uFFFD");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("UTF-8 locale");
    }

    @Test
    void reportsAUsageErrorOnOneLine() {
        CliRun run = CliRun.of("chat", "--bogus", "hi");

        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains("--bogus").contains("(see chat --help)");
    }
}
