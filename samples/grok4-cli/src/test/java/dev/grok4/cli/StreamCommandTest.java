package dev.grok4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.Grok4SimulatorExtension;
import dev.grok4.testkit.ScriptedResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Grok4SimulatorExtension.class)
class StreamCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void printsTheTextAsItArrives(Grok4Simulator simulator) {
        CliRun run = CliRun.of("stream", "--base-url", simulator.baseUrl().toString(),
                "ストリーム");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ストリーム");
    }

    @Test
    void printsOnlyTheFinalObjectWithJson(Grok4Simulator simulator) throws Exception {
        simulator.enqueue(ScriptedResponse.sseData(List.of(
                "{\"id\":\"c1\",\"model\":\"grok-4\",\"choices\":[{\"index\":0,\"delta\":"
                        + "{\"reasoning_content\":\"think\"}}]}",
                "{\"id\":\"c1\",\"model\":\"grok-4\",\"choices\":[{\"index\":0,\"delta\":"
                        + "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                        + "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\"}}]}}]}",
                "{\"id\":\"c1\",\"model\":\"grok-4\",\"choices\":[{\"index\":0,\"delta\":"
                        + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
                        + "\"\\\"Tokyo\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}",
                "{\"id\":\"c1\",\"model\":\"grok-4\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
                        + "9,\"completion_tokens\":4,\"total_tokens\":20,"
                        + "\"completion_tokens_details\":{\"reasoning_tokens\":7}}}")));

        CliRun run = CliRun.of("stream", "--base-url", simulator.baseUrl().toString(), "--json",
                "--cache", "none", "weather?");

        JsonNode result = JSON.readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(result.get("reasoning").asText()).isEqualTo("think");
        assertThat(result.get("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(result.at("/tool_calls/0/name").asText()).isEqualTo("weather");
        assertThat(result.at("/tool_calls/0/arguments").asText())
                .isEqualTo("{\"city\":\"Tokyo\"}");
        assertThat(result.at("/usage/reasoning_tokens").asInt()).isEqualTo(7);
        assertThat(result.at("/usage/total_tokens").asInt()).isEqualTo(20);
    }

    @Test
    void reportsAnErrorFrameOnOneLine(Grok4Simulator simulator) {
        simulator.enqueue(ScriptedResponse.sse("data: {\"id\":\"c\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"partial\"}}]}\n\ndata: {\"error\":{\"message\":"
                + "\"upstream exploded\",\"type\":\"server_error\",\"code\":\"internal\"}}\n\n"));

        CliRun run = CliRun.of("stream", "--base-url", simulator.baseUrl().toString(),
                "--cache", "none", "boom");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("upstream exploded");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
