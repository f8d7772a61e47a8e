package dev.grok4.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.grok4.Grok4Client;
import dev.grok4.testkit.Grok4Simulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Grok4HealthProbeTest {
    private static final String KEY = "xai-TESTSECRET-9f3b2c";

    private final Grok4Simulator simulator = Grok4Simulator.start();
    private final MutableClock clock = new MutableClock();
    private final Grok4Client client = Grok4Client.builder()
            .baseUrl(simulator.baseUrl().toString()).apiKey(KEY).build();

    @AfterEach
    void close() {
        client.close();
        simulator.close();
    }

    @Test
    void reusesAResultUntilItExpires() {
        Grok4HealthProbe probe = new Grok4HealthProbe(client, Duration.ofSeconds(60), clock);

        Grok4HealthProbe.Result first = probe.check();
        clock.advance(Duration.ofSeconds(59));
        Grok4HealthProbe.Result cached = probe.check();

        assertThat(first.up()).isTrue();
        assertThat(first.details()).containsEntry("model", "grok-4")
                .containsEntry("baseUrl", simulator.baseUrl().toString());
        assertThat(cached).isSameAs(first);
        assertThat(modelListings()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        probe.check();
        assertThat(modelListings()).isEqualTo(2);
    }

    @Test
    void reportsARejectedKeyAsDownWithoutTheKey() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/models", exchange -> {
            byte[] body = ("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                    + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        try (Grok4Client rejecting = Grok4Client.builder().baseUrl(baseUrl).apiKey(KEY).build()) {
            Grok4HealthProbe.Result result =
                    new Grok4HealthProbe(rejecting, Duration.ofSeconds(60), clock).check();

            assertThat(result.up()).isFalse();
            assertThat(result.details()).containsEntry("error", "authentication")
                    .containsEntry("baseUrl", baseUrl);
            assertThat(result.details().toString()).doesNotContain(KEY);
        } finally {
            server.stop(0);
        }
    }

    private long modelListings() {
        return simulator.requests().stream()
                .filter(request -> request.path().endsWith("/models")).count();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
