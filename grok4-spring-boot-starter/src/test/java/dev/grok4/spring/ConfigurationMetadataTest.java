package dev.grok4.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reads the metadata that spring-boot-configuration-processor wrote into the starter. */
class ConfigurationMetadataTest {
    static final List<String> EXPECTED_PROPERTIES = List.of("grok4.enabled", "grok4.api-key",
            "grok4.base-url", "grok4.model", "grok4.fallback-models", "grok4.connect-timeout",
            "grok4.request-timeout", "grok4.drop-unsupported-parameters",
            "grok4.capabilities-file", "grok4.stream-usage", "grok4.max-concurrent",
            "grok4.permit-timeout", "grok4.requests-per-minute", "grok4.tokens-per-minute",
            "grok4.rate-limit-store", "grok4.retry.max-attempts", "grok4.retry.base-delay",
            "grok4.retry.max-delay", "grok4.retry.max-server-delay",
            "grok4.circuit-breaker.enabled", "grok4.cache.type", "grok4.cache.ttl",
            "grok4.cache.max-entries", "grok4.cache.key-prefix", "grok4.cache.redis-url",
            "grok4.pricing.usd-to-jpy", "grok4.pricing.file", "grok4.metrics.enabled",
            "grok4.metrics.provider-name", "grok4.health.enabled", "grok4.health.cache-ttl");

    @Test
    void everyPropertyIsDescribedWithItsDefault() throws IOException {
        Map<String, JsonNode> properties = starterMetadata();

        assertThat(properties).containsKeys(EXPECTED_PROPERTIES.toArray(String[]::new));
        for (String name : EXPECTED_PROPERTIES) {
            String description = properties.get(name).path("description").asText();
            assertThat(description).as(name).contains("default");
        }
    }

    @Test
    void typesLetTheIdeCompleteValues() throws IOException {
        Map<String, JsonNode> properties = starterMetadata();

        assertThat(properties.get("grok4.cache.type").path("type").asText())
                .isEqualTo("dev.grok4.Grok4Config$CacheType");
        assertThat(properties.get("grok4.connect-timeout").path("type").asText())
                .isEqualTo("java.time.Duration");
        assertThat(properties.get("grok4.max-concurrent").path("type").asText())
                .isEqualTo("java.lang.Integer");
    }

    private static Map<String, JsonNode> starterMetadata() throws IOException {
        ClassLoader loader = ConfigurationMetadataTest.class.getClassLoader();
        Map<String, JsonNode> found = new HashMap<>();
        for (URL url : Collections.list(
                loader.getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                    if (property.path("name").asText().startsWith("grok4.")) {
                        found.put(property.path("name").asText(), property);
                    }
                }
            }
        }
        return found;
    }
}
