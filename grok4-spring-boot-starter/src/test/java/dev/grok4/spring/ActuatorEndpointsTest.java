package dev.grok4.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grok4.testkit.Grok4Simulator;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real web application with Actuator, its env and configprops endpoints exposed with values
 * shown, fetched over HTTP: the API key must not appear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ActuatorEndpointsTest.App.class,
        properties = {"grok4.api-key=" + ActuatorEndpointsTest.KEY, "grok4.model=grok-4-visible",
            "grok4.health.enabled=true",
            "management.endpoints.web.exposure.include=env,configprops,health",
            "management.endpoint.env.show-values=ALWAYS",
            "management.endpoint.configprops.show-values=ALWAYS",
            "management.endpoint.health.show-details=ALWAYS",
            "logging.level.dev.grok4=DEBUG", "logging.level.org.springframework.boot=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class ActuatorEndpointsTest {
    static final String KEY = "xai-TESTSECRET-9f3b2c";

    private static final Grok4Simulator SIMULATOR = Grok4Simulator.start();

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("grok4.base-url", () -> SIMULATOR.baseUrl().toString());
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.close();
    }

    @Test
    void envShowsValuesButMasksTheKey(CapturedOutput output) throws Exception {
        String env = get("/actuator/env");

        assertThat(env).contains("grok4.api-key").contains("grok-4-visible")
                .doesNotContain(KEY);
        JsonNode key = new ObjectMapper().readTree(get("/actuator/env/grok4.api-key"));
        assertThat(key.path("property").path("value").asText()).isEqualTo("******");
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void configpropsShowsValuesButMasksTheKey(CapturedOutput output) throws Exception {
        String body = get("/actuator/configprops");

        JsonNode grok4 = new ObjectMapper().readTree(body).findParents("prefix").stream()
                .filter(bean -> bean.path("prefix").asText().equals("grok4")).findFirst()
                .orElseThrow();
        assertThat(grok4.path("properties").path("model").asText()).isEqualTo("grok-4-visible");
        assertThat(grok4.path("properties").path("apiKey").asText()).isEqualTo("******");
        assertThat(body).doesNotContain(KEY);
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void healthReportsTheEndpoint(CapturedOutput output) throws Exception {
        JsonNode health = new ObjectMapper().readTree(get("/actuator/health"));

        JsonNode grok4 = health.path("components").path("grok4");
        assertThat(grok4.path("status").asText()).isEqualTo("UP");
        assertThat(grok4.path("details").path("baseUrl").asText())
                .isEqualTo(SIMULATOR.baseUrl().toString());
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void bindsMetricsToTheRegistryActuatorConfigured() {
        MicrometerGrok4Binding binding = context.getBean(MicrometerGrok4Binding.class);

        assertThat(binding.registry()).isSameAs(context.getBean(MeterRegistry.class));
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}
}
