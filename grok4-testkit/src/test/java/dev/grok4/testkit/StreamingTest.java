package dev.grok4.testkit;

import static dev.grok4.testkit.TestHttp.dataPayloads;
import static dev.grok4.testkit.TestHttp.json;
import static dev.grok4.testkit.TestHttp.post;
import static dev.grok4.testkit.TestHttp.rawExchange;
import static dev.grok4.testkit.TestHttp.rawPost;
import static dev.grok4.testkit.TestHttp.streamChat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamingTest {
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

    @Test
    void streamIsFramedAsServerSentEventsEndingWithDone() throws Exception {
        HttpResponse<String> response = post(simulator.baseUrl(), streamChat("Hi", true));

        List<String> payloads = dataPayloads(response.body());
        assertThat(response.headers().firstValue("content-type").orElse(""))
                .startsWith("text/event-stream");
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        assertThat(payloads.get(payloads.size() - 1)).isEqualTo("[DONE]");
        JsonNode first = json(payloads.get(0)).path("choices").path(0).path("delta");
        assertThat(first.path("role").asText()).isEqualTo("assistant");
        assertThat(first.path("content").asText()).isEmpty();
        JsonNode finish = json(payloads.get(payloads.size() - 3));
        assertThat(finish.path("choices").path(0).path("finish_reason").asText())
                .isEqualTo("stop");
        assertThat(finish.path("choices").path(0).path("delta").size()).isZero();
    }

    @Test
    void usageChunkHasEmptyChoicesWhenIncludeUsageIsSet() throws Exception {
        String sse = post(simulator.baseUrl(), streamChat("Hi", true)).body();

        List<String> payloads = dataPayloads(sse);
        JsonNode usage = json(payloads.get(payloads.size() - 2));
        assertThat(usage.path("choices").isArray()).isTrue();
        assertThat(usage.path("choices").size()).isZero();
        assertThat(usage.path("usage").path("completion_tokens").asInt()).isEqualTo(20);
        long emptyChoices = payloads.stream()
                .filter(payload -> !payload.equals("[DONE]"))
                .filter(payload -> payload.contains("\"choices\":[]"))
                .count();
        assertThat(emptyChoices).isEqualTo(1);
    }

    @Test
    void noUsageChunkWithoutIncludeUsage() throws Exception {
        String sse = post(simulator.baseUrl(), streamChat("Hi", false)).body();

        List<String> payloads = dataPayloads(sse);
        assertThat(payloads).noneMatch(payload -> payload.contains("\"choices\":[]"));
        assertThat(payloads).noneMatch(payload -> payload.contains("\"usage\""));
        assertThat(json(payloads.get(payloads.size() - 2)).path("choices").path(0)
                .path("finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void everyEventTravelsInItsOwnHttpChunk() throws Exception {
        String request = rawPost("/v1/chat/completions", streamChat("Hi", false));

        String wire = new String(rawExchange(simulator.port(), request), StandardCharsets.UTF_8);

        String body = wire.substring(wire.indexOf("\r\n\r\n") + 4);
        assertThat(wire).contains("Transfer-Encoding: chunked");
        assertThat(body).endsWith("data: [DONE]\n\n\r\n0\r\n\r\n");
        String[] chunks = body.split("\r\n");
        for (int i = 1; i + 1 < chunks.length; i += 2) {
            assertThat(chunks[i]).startsWith("data: ").endsWith("\n\n");
            assertThat(Integer.parseInt(chunks[i - 1], 16))
                    .isEqualTo(chunks[i].getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void toolCallStreamsAsOneDelta() throws Exception {
        String request = "{\"model\":\"grok-4\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"x\"}],\"tool_choice\":\"required\",\"tools\":[{\"type\":"
                + "\"function\",\"function\":{\"name\":\"lookup\"}}]}";

        List<String> payloads = dataPayloads(post(simulator.baseUrl(), request).body());

        JsonNode call = json(payloads.get(1)).path("choices").path(0).path("delta")
                .path("tool_calls").path(0);
        assertThat(call.path("index").asInt()).isZero();
        assertThat(call.path("id").asText()).startsWith("call_sim_");
        assertThat(call.path("type").asText()).isEqualTo("function");
        assertThat(call.path("function").path("name").asText()).isEqualTo("lookup");
        assertThat(call.path("function").path("arguments").asText()).isEqualTo("{}");
        assertThat(json(payloads.get(2)).path("choices").path(0).path("finish_reason").asText())
                .isEqualTo("tool_calls");
    }
}
