package dev.grok4.testkit;

import static dev.grok4.testkit.TestHttp.chat;
import static dev.grok4.testkit.TestHttp.post;
import static dev.grok4.testkit.TestHttp.postForBytes;
import static dev.grok4.testkit.TestHttp.rawExchange;
import static dev.grok4.testkit.TestHttp.rawPost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScriptedResponseTest {
    private static final String REQUEST = chat("grok-4", "hello");
    private static final String RECORDED = "{\"id\":\"chatcmpl-1\",  \"choices\":[{\"message\":"
            + "{\"content\":\"こんにちは、世界🌏\"}}]}";

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
    void queuedResponsesAreServedInOrderThenTheDefaultReply() throws Exception {
        simulator.enqueueAll(List.of(ScriptedResponse.json(200, "{\"n\":1}"),
                ScriptedResponse.json(201, "{\"n\":2}")));
        simulator.enqueue(ScriptedResponse.json(500, "{\"n\":3}"));

        HttpResponse<String> first = post(simulator.baseUrl(), REQUEST);
        HttpResponse<String> second = post(simulator.baseUrl(), REQUEST);
        HttpResponse<String> third = post(simulator.baseUrl(), REQUEST);
        HttpResponse<String> fallback = post(simulator.baseUrl(), REQUEST);

        assertThat(first.body()).isEqualTo("{\"n\":1}");
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(third.statusCode()).isEqualTo(500);
        assertThat(fallback.body()).contains("Simulated reply to: hello");
        assertThat(simulator.requestCount()).isEqualTo(4);
    }

    @Test
    void jsonBodyIsWrittenByteForByte() throws Exception {
        simulator.enqueue(ScriptedResponse.json(200, RECORDED));

        HttpResponse<byte[]> response = postForBytes(simulator.baseUrl(), REQUEST);

        assertThat(response.body()).isEqualTo(RECORDED.getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("content-type"))
                .hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("content-length"))
                .hasValue(Integer.toString(response.body().length));
    }

    @Test
    void headersArePassedThroughAndContentLengthIsOurs() throws Exception {
        simulator.enqueue(ScriptedResponse.json(429, "{}")
                .header("retry-after", "7")
                .header("x-ratelimit-reset-requests", "1.5s")
                .header("Content-Length", "999"));

        HttpResponse<String> response = post(simulator.baseUrl(), REQUEST);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("7");
        assertThat(response.headers().firstValue("x-ratelimit-reset-requests")).hasValue("1.5s");
        assertThat(response.headers().firstValue("content-length")).hasValue("2");
    }

    @Test
    void bodyKeepsAnyContentType() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xFF};
        simulator.enqueue(ScriptedResponse.body(502, "text/html", bytes));

        HttpResponse<byte[]> response = postForBytes(simulator.baseUrl(), REQUEST);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/html");
        assertThat(response.body()).isEqualTo(bytes);
    }

    @Test
    void rawSseIsWrittenAsGiven() throws Exception {
        String raw = ": keep-alive comment\n\nevent: x\ndata: {\"a\":\"🌏\"}\n\ndata: [DONE]\n\n";
        simulator.enqueue(ScriptedResponse.sse(raw));

        HttpResponse<String> response = post(simulator.baseUrl(), REQUEST);

        assertThat(response.body()).isEqualTo(raw);
        assertThat(response.headers().firstValue("content-type").orElse(""))
                .startsWith("text/event-stream");
    }

    @Test
    void sseDataFramesEachPayloadAndAppendsDone() throws Exception {
        simulator.enqueue(ScriptedResponse.sseData(List.of("{\"a\":1}", "{\"b\":2}")));

        HttpResponse<String> response = post(simulator.baseUrl(), REQUEST);

        assertThat(response.body())
                .isEqualTo("data: {\"a\":1}\n\ndata: {\"b\":2}\n\ndata: [DONE]\n\n");
    }

    @Test
    void dropGivesTheClientAnIoException() {
        simulator.enqueue(ScriptedResponse.drop());

        assertThatThrownBy(() -> post(simulator.baseUrl(), REQUEST))
                .isInstanceOf(IOException.class);
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void cutAfterBytesTruncatesAFixedLengthBody() throws Exception {
        simulator.enqueue(ScriptedResponse.json(200, RECORDED).cutAfterBytes(10));

        byte[] wire = rawExchange(simulator.port(), rawPost("/v1/chat/completions", REQUEST));

        String text = new String(wire, StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOfRange(wire, text.indexOf("\r\n\r\n") + 4, wire.length);
        int announced = RECORDED.getBytes(StandardCharsets.UTF_8).length;
        assertThat(text).contains("Content-Length: " + announced);
        assertThat(body).isEqualTo(Arrays.copyOf(RECORDED.getBytes(StandardCharsets.UTF_8), 10));
    }

    @Test
    void cutAfterBytesEndsAStreamWithoutTheLastChunk() throws Exception {
        simulator.enqueue(ScriptedResponse.sse("data: {\"a\":1}\n\ndata: [DONE]\n\n")
                .cutAfterBytes(12));

        byte[] wire = rawExchange(simulator.port(), rawPost("/v1/chat/completions", REQUEST));

        String text = new String(wire, StandardCharsets.UTF_8);
        assertThat(text).endsWith("c\r\ndata: {\"a\":1\r\n").doesNotContain("[DONE]");
        assertThatThrownBy(() -> {
            simulator.enqueue(ScriptedResponse.sse("data: {}\n\n").cutAfterBytes(3));
            post(simulator.baseUrl(), REQUEST);
        }).isInstanceOf(IOException.class);
    }

    @Test
    void writeInOddPiecesStillDeliversTheExactBytes() throws Exception {
        simulator.enqueue(ScriptedResponse.json(200, RECORDED).writeInPieces(7));
        simulator.enqueue(ScriptedResponse.sse("data: " + RECORDED + "\n\n").writeInPieces(7)
                .pauseBetweenPieces(Duration.ofMillis(1)));

        HttpResponse<byte[]> fixed = postForBytes(simulator.baseUrl(), REQUEST);
        HttpResponse<byte[]> streamed = postForBytes(simulator.baseUrl(), REQUEST);

        assertThat(fixed.body()).isEqualTo(RECORDED.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(streamed.body(), StandardCharsets.UTF_8))
                .isEqualTo("data: " + RECORDED + "\n\n");
    }

    @Test
    void streamPiecesAreSeparateHttpChunks() throws Exception {
        simulator.enqueue(ScriptedResponse.sse("data: abcdefghij\n\n").writeInPieces(7));

        byte[] wire = rawExchange(simulator.port(), rawPost("/v1/chat/completions", REQUEST));

        String text = new String(wire, StandardCharsets.UTF_8);
        assertThat(text)
                .endsWith("\r\n\r\n7\r\ndata: a\r\n7\r\nbcdefgh\r\n4\r\nij\n\n\r\n0\r\n\r\n");
    }

    @Test
    void scriptedDelayHoldsBackTheHeaders() throws Exception {
        simulator.enqueue(ScriptedResponse.json(200, "{}").delay(Duration.ofMillis(200)));

        long start = System.nanoTime();
        post(simulator.baseUrl(), REQUEST);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
                Duration.ofMillis(190));
    }

    @Test
    void scriptedResponsesAreImmutable() throws Exception {
        ScriptedResponse base = ScriptedResponse.json(200, "{}");
        base.header("x-extra", "1");
        simulator.enqueue(base);
        simulator.enqueue(base);

        HttpResponse<String> first = post(simulator.baseUrl(), REQUEST);
        HttpResponse<String> second = post(simulator.baseUrl(), REQUEST);

        assertThat(first.headers().firstValue("x-extra")).isEmpty();
        assertThat(second.body()).isEqualTo("{}");
    }
}
