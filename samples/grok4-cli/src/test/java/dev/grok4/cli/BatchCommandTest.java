package dev.grok4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.Grok4SimulatorExtension;
import dev.grok4.testkit.ScriptedResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(Grok4SimulatorExtension.class)
class BatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private List<JsonNode> lines(CliRun run) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    @Test
    void answersEveryLineInInputOrder(Grok4Simulator simulator) throws Exception {
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"prompt\":\"一つ目\"}\n\n"
                + "{\"prompt\":\"second\",\"model\":\"grok-3\",\"system\":\"be brief\","
                + "\"max_tokens\":30}\n{\"prompt\":\"third\"}\n", StandardCharsets.UTF_8);

        CliRun run = CliRun.of("batch", "--base-url", simulator.baseUrl().toString(), "--input",
                input.toString(), "--concurrency", "2", "--cache", "none");

        List<JsonNode> lines = lines(run);
        assertThat(run.exitCode()).isZero();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("content").asText()).contains("一つ目");
        assertThat(lines.get(1).get("model").asText()).isEqualTo("grok-3");
        assertThat(lines.get(2).get("content").asText()).contains("third");
        assertThat(simulator.requestCount()).isEqualTo(3);
        assertThat(simulator.maxConcurrentRequests()).isLessThanOrEqualTo(2);
    }

    @Test
    void oneBadItemFailsOnlyItsOwnLine(Grok4Simulator simulator) throws Exception {
        simulator.enqueue(ScriptedResponse.json(400, "{\"error\":{\"message\":\"too long\","
                + "\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}"));
        Path input = Files.writeString(dir.resolve("in.jsonl"),
                "{\"prompt\":\"rejected upstream\"}\nnot json\n{\"max_tokens\":5}\n",
                StandardCharsets.UTF_8);

        CliRun run = CliRun.of("batch", "--base-url", simulator.baseUrl().toString(), "--input",
                input.toString(), "--concurrency", "1");

        List<JsonNode> lines = lines(run);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).at("/error/type").asText()).isEqualTo("bad_request");
        assertThat(lines.get(0).at("/error/status").asInt()).isEqualTo(400);
        assertThat(lines.get(1).at("/error/message").asText()).contains("line 2")
                .contains("not valid JSON");
        assertThat(lines.get(1).at("/error/status").isNull()).isTrue();
        assertThat(lines.get(2).at("/error/message").asText()).contains("\"prompt\"");
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void namesAMissingInputFile() {
        CliRun run = CliRun.of("batch", "--input", dir.resolve("absent.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("absent.jsonl");
    }
}
