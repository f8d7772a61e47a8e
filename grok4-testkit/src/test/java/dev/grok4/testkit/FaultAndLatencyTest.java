package dev.grok4.testkit;

import static dev.grok4.testkit.TestHttp.chat;
import static dev.grok4.testkit.TestHttp.dataPayloads;
import static dev.grok4.testkit.TestHttp.json;
import static dev.grok4.testkit.TestHttp.post;
import static dev.grok4.testkit.TestHttp.rawExchange;
import static dev.grok4.testkit.TestHttp.rawPost;
import static dev.grok4.testkit.TestHttp.streamChat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultAndLatencyTest {
    private static final String REQUEST = chat("grok-4", "hello");

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
        simulator.latency(LatencyProfile.none());
    }

    @Test
    void latencyProfileDelaysAtLeastMeanMinusSpread() throws Exception {
        simulator.latency(LatencyProfile.of(Duration.ofMillis(150), Duration.ofMillis(50)));

        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            post(simulator.baseUrl(), REQUEST);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(3 * 100 - 15));
    }

    @Test
    void latencyDelaysStayWithinTheProfileAndAreNeverNegative() {
        LatencyProfile profile = LatencyProfile.of(Duration.ofMillis(10), Duration.ofMillis(30));

        for (long sequence = 0; sequence < 1_000; sequence++) {
            Duration delay = profile.delayFor(sequence);
            assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis(40));
        }
        assertThat(profile.delayFor(5)).isEqualTo(profile.delayFor(5));
    }

    @Test
    void rateLimitFaultAnswers429WithRetryAfterAndOpenAiBody() throws Exception {
        simulator.faults(FaultProfile.builder()
                .rateLimited(1.0, Duration.ofMillis(2_500))
                .build());

        HttpResponse<String> response = post(simulator.baseUrl(), REQUEST);

        JsonNode error = json(response.body()).path("error");
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("3");
        assertThat(error.path("type").asText()).isEqualTo("requests");
        assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(error.path("message").asText()).isNotBlank();
    }

    @Test
    void serverErrorFaultAnswers503() throws Exception {
        simulator.faults(FaultProfile.builder().serverError(1.0).build());

        HttpResponse<String> response = post(simulator.baseUrl(), REQUEST);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response.body()).path("error").path("type").asText())
                .isEqualTo("server_error");
    }

    @Test
    void connectionResetFaultGivesTheClientAnIoException() {
        simulator.faults(FaultProfile.builder().connectionReset(1.0).build());

        assertThatThrownBy(() -> post(simulator.baseUrl(), REQUEST))
                .isInstanceOf(IOException.class);
    }

    @Test
    void slowHeadersFaultAddsItsDelay() throws Exception {
        simulator.faults(FaultProfile.builder().slowHeaders(1.0, Duration.ofMillis(200)).build());

        long start = System.nanoTime();
        HttpResponse<String> response = post(simulator.baseUrl(), REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void streamCutFaultEndsTheStreamWithoutDoneOrLastChunk() throws Exception {
        simulator.faults(FaultProfile.builder().streamCut(1.0).build());

        byte[] wire = rawExchange(simulator.port(),
                rawPost("/v1/chat/completions", streamChat("hello", true)));

        String text = new String(wire, StandardCharsets.UTF_8);
        assertThat(text).startsWith("HTTP/1.1 200").contains("\"role\":\"assistant\"");
        assertThat(text).doesNotContain("[DONE]").doesNotContain("finish_reason\":\"stop");
        assertThat(text).doesNotEndWith("0\r\n\r\n");
        assertThatThrownBy(() -> post(simulator.baseUrl(), streamChat("hello", false)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void errorFrameFaultSendsAnErrorEventAndEnds() throws Exception {
        simulator.faults(FaultProfile.builder().errorFrame(1.0).build());

        HttpResponse<String> response = post(simulator.baseUrl(), streamChat("hello", true));

        List<String> payloads = dataPayloads(response.body());
        JsonNode error = json(payloads.get(payloads.size() - 1)).path("error");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(payloads).doesNotContain("[DONE]").hasSizeGreaterThan(2);
        assertThat(error.path("type").asText()).isEqualTo("server_error");
        assertThat(error.path("code").asText()).isEqualTo("internal_error");
        assertThat(error.path("message").asText()).isNotBlank();
    }

    @Test
    void streamFaultsLeaveNonStreamingRequestsAlone() throws Exception {
        simulator.faults(FaultProfile.builder().streamCut(1.0).errorFrame(1.0).build());

        HttpResponse<String> response = post(simulator.baseUrl(), REQUEST);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Simulated reply to: hello");
    }

    @Test
    void scriptedResponsesWinOverFaults() throws Exception {
        simulator.faults(FaultProfile.builder().serverError(1.0).build());
        simulator.enqueue(ScriptedResponse.json(200, "{\"scripted\":true}"));

        assertThat(post(simulator.baseUrl(), REQUEST).body()).isEqualTo("{\"scripted\":true}");
        assertThat(post(simulator.baseUrl(), REQUEST).statusCode()).isEqualTo(503);
    }

    @Test
    void sameSeedGivesTheSameFaultSequence() throws Exception {
        FaultProfile profile = FaultProfile.builder().seed(42).serverError(0.5).build();

        List<Integer> first = statuses(profile, 20);
        List<Integer> second = statuses(profile, 20);

        assertThat(first).isEqualTo(second).contains(200, 503);
    }

    @Test
    void resetClearsFaults() throws Exception {
        simulator.faults(FaultProfile.builder().serverError(1.0).build());

        simulator.reset();

        assertThat(post(simulator.baseUrl(), REQUEST).statusCode()).isEqualTo(200);
    }

    @Test
    void probabilitiesOutsideZeroToOneAreRejected() {
        assertThatThrownBy(() -> FaultProfile.builder().serverError(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serverError");
    }

    private static List<Integer> statuses(FaultProfile profile, int count) throws Exception {
        simulator.faults(profile);
        Integer[] statuses = new Integer[count];
        for (int i = 0; i < count; i++) {
            statuses[i] = post(simulator.baseUrl(), REQUEST).statusCode();
        }
        return List.of(statuses);
    }
}
