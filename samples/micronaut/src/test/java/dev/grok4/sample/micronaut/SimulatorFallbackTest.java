package dev.grok4.sample.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorFallbackTest {
    @AfterEach
    void clearProperties() {
        System.clearProperty("grok4.base-url");
        System.clearProperty("grok4.api-key");
    }

    @Test
    void startsTheSimulatorWhenNothingIsConfigured() throws Exception {
        SimulatorFallback.startIfUnconfigured(Map.of());

        String baseUrl = System.getProperty("grok4.base-url");
        assertThat(baseUrl).startsWith("http://127.0.0.1:").endsWith("/v1");
        assertThat(System.getProperty("grok4.api-key")).isNotBlank();
        HttpResponse<String> models = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(models.statusCode()).isEqualTo(200);
    }

    @Test
    void leavesAConfiguredEndpointAlone() {
        SimulatorFallback.startIfUnconfigured(Map.of("GROK4_API_KEY", "xai-from-env"));

        assertThat(System.getProperty("grok4.base-url")).isNull();
        assertThat(System.getProperty("grok4.api-key")).isNull();
    }
}
