package dev.grok4.testkit;

import static dev.grok4.testkit.TestHttp.chat;
import static dev.grok4.testkit.TestHttp.eventually;
import static dev.grok4.testkit.TestHttp.get;
import static dev.grok4.testkit.TestHttp.json;
import static dev.grok4.testkit.TestHttp.post;
import static dev.grok4.testkit.TestHttp.rawExchange;
import static dev.grok4.testkit.TestHttp.readToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerBehaviourTest {
    private static Grok4Simulator simulator;

    @BeforeAll
    static void start() {
        simulator = Grok4Simulator.builder().models(List.of("grok-4", "grok-4-fast")).start();
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
    void baseUrlIsLoopbackWithV1AndNoTrailingSlash() {
        assertThat(simulator.baseUrl().toString())
                .isEqualTo("http://127.0.0.1:" + simulator.port() + "/v1");
        assertThat(simulator.port()).isPositive();
    }

    @Test
    void modelsRouteListsTheConfiguredModels() throws Exception {
        HttpResponse<String> response = get(URI.create(simulator.baseUrl() + "/models"));

        JsonNode body = json(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data").findValuesAsText("id"))
                .containsExactly("grok-4", "grok-4-fast");
        JsonNode first = body.path("data").path(0);
        assertThat(first.path("object").asText()).isEqualTo("model");
        assertThat(first.path("owned_by").asText()).isEqualTo("xai");
        assertThat(first.path("created").isIntegralNumber()).isTrue();
    }

    @Test
    void unknownPathGetsAnOpenAiStyle404() throws Exception {
        HttpResponse<String> response = get(URI.create(simulator.baseUrl() + "/nothing-here"));

        JsonNode error = json(response.body()).path("error");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("code").asText()).isEqualTo("not_found");
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("param").isNull()).isTrue();
    }

    @Test
    void chatPathWorksWithoutTheV1Prefix() throws Exception {
        URI root = URI.create("http://127.0.0.1:" + simulator.port());

        HttpResponse<String> response = post(root, chat("grok-4", "hi"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(simulator.requests().get(0).path()).isEqualTo("/chat/completions");
    }

    @Test
    void requestLogRecordsMethodPathHeadersAndBody() throws Exception {
        Instant before = Instant.now();
        post(simulator.baseUrl(), chat("grok-4", "こんにちは、世界🌏"));
        get(URI.create(simulator.baseUrl() + "/models"));

        List<RecordedRequest> requests = simulator.requests();
        RecordedRequest chat = requests.get(0);
        assertThat(requests).hasSize(2);
        assertThat(chat.method()).isEqualTo("POST");
        assertThat(chat.path()).isEqualTo("/v1/chat/completions");
        assertThat(chat.header("AUTHORIZATION")).isEqualTo("Bearer test-key");
        assertThat(chat.headers()).containsEntry("content-type", "application/json");
        assertThat(chat.headers().keySet()).allMatch(name -> name.equals(name.toLowerCase()));
        assertThat(chat.body()).contains("こんにちは、世界🌏");
        assertThat(chat.json().path("messages").path(0).path("content").asText())
                .isEqualTo("こんにちは、世界🌏");
        assertThat(chat.receivedAt()).isAfterOrEqualTo(before.minusMillis(1));
        assertThat(requests.get(1).method()).isEqualTo("GET");
        assertThat(requests.get(1).json().isMissingNode()).isTrue();
        assertThat(simulator.requestCount()).isEqualTo(1);
    }

    @Test
    void requestLogKeepsOnlyTheNewestEntries() {
        SimulatorState state = new SimulatorState(LatencyProfile.none(), FaultProfile.none());

        for (int i = 0; i <= SimulatorState.LOG_LIMIT; i++) {
            state.record(new RecordedRequest("GET", "/" + i, Map.of(), new byte[0],
                    Instant.now()));
        }

        List<RecordedRequest> log = state.requests();
        assertThat(log).hasSize(SimulatorState.LOG_LIMIT);
        assertThat(log.get(0).path()).isEqualTo("/1");
    }

    @Test
    void chunkedRequestBodiesAreDecoded() throws Exception {
        String body = chat("grok-4", "chunked hello");
        int split = body.length() / 2;
        String request = "POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(split) + "\r\n" + body.substring(0, split) + "\r\n"
                + Integer.toHexString(body.length() - split) + ";ext=1\r\n"
                + body.substring(split) + "\r\n0\r\n\r\n";

        String wire = new String(rawExchange(simulator.port(), request), StandardCharsets.UTF_8);

        assertThat(wire).startsWith("HTTP/1.1 200 OK")
                .contains("Simulated reply to: chunked hello");
        assertThat(simulator.requests().get(0).body()).isEqualTo(body);
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneSocketAndHonoursConnectionClose()
            throws Exception {
        String get = "GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n";
        String last = "GET /v1/models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";

        String wire = new String(rawExchange(simulator.port(), get + get + last),
                StandardCharsets.UTF_8);

        assertThat(wire.split("HTTP/1.1 200 OK", -1)).hasSize(4);
        assertThat(wire).contains("Connection: close");
        assertThat(simulator.requests()).hasSize(3);
    }

    @Test
    void openConnectionsReturnsToZeroAfterTheClientCloses() throws Exception {
        try (Grok4Simulator own = Grok4Simulator.start()) {
            try (Socket first = new Socket("127.0.0.1", own.port());
                    Socket second = new Socket("127.0.0.1", own.port())) {
                assertThat(eventually(() -> own.openConnections() == 2)).isTrue();
                roundTrip(first);
            }

            assertThat(eventually(() -> own.openConnections() == 0)).isTrue();
        }
    }

    @Test
    void maxConcurrentRequestsTracksThePeak() throws Exception {
        simulator.latency(LatencyProfile.fixed(Duration.ofMillis(300)));
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<HttpResponse<String>>> calls = List.of(
                    CompletableFuture.supplyAsync(() -> call(), clients),
                    CompletableFuture.supplyAsync(() -> call(), clients),
                    CompletableFuture.supplyAsync(() -> call(), clients));
            for (CompletableFuture<HttpResponse<String>> response : calls) {
                assertThat(response.get().statusCode()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(simulator.maxConcurrentRequests()).isEqualTo(3);
        assertThat(simulator.requestCount()).isEqualTo(3);
    }

    @Test
    void closeEndsOpenConnectionsAndDoesNotHang() throws Exception {
        Grok4Simulator own = Grok4Simulator.builder()
                .latency(LatencyProfile.fixed(Duration.ofSeconds(30)))
                .start();
        try (Socket idle = new Socket("127.0.0.1", own.port());
                Socket waiting = new Socket("127.0.0.1", own.port())) {
            idle.setSoTimeout(5_000);
            waiting.setSoTimeout(5_000);
            waiting.getOutputStream().write(TestHttp.rawPost("/v1/chat/completions",
                    chat("grok-4", "slow")).getBytes(StandardCharsets.UTF_8));
            assertThat(eventually(() -> own.requestCount() == 1)).isTrue();

            long start = System.nanoTime();
            own.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(
                    Duration.ofSeconds(5));
            assertThat(readToEnd(idle.getInputStream())).isEmpty();
            assertThat(own.openConnections()).isZero();
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", own.port()).close())
                .isInstanceOf(IOException.class);
    }

    @Test
    void malformedRequestLineGetsA400AndTheConnectionCloses() throws Exception {
        String wire = new String(rawExchange(simulator.port(), "NONSENSE\r\n\r\n"),
                StandardCharsets.UTF_8);

        assertThat(wire).startsWith("HTTP/1.1 400").contains("Connection: close");
    }

    private static HttpResponse<String> call() {
        try {
            return post(simulator.baseUrl(), chat("grok-4", "concurrent"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void roundTrip(Socket socket) throws IOException {
        socket.setSoTimeout(5_000);
        OutputStream out = socket.getOutputStream();
        out.write("GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).isEqualTo("HTTP/1.1 200 OK");
    }
}
