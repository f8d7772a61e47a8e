package dev.grok4.sample.quarkus;

import static dev.grok4.sample.quarkus.EmbeddedSimulatorConfigSourceFactory.API_KEY;
import static dev.grok4.sample.quarkus.EmbeddedSimulatorConfigSourceFactory.BASE_URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.Grok4Config;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The packaged application's fallback to the embedded simulator, on real SmallRye Config. */
class EmbeddedSimulatorConfigSourceFactoryTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void requireNoKeyInEnvironment() {
        Assumptions.assumeTrue(System.getenv(Grok4Config.API_KEY_ENV) == null,
                "GROK4_API_KEY is set, which turns the embedded simulator off");
    }

    @AfterEach
    void stopSimulator() {
        EmbeddedSimulator.stop();
    }

    @Test
    void startsSimulatorWhenNothingIsConfigured() throws Exception {
        SmallRyeConfig config = config("prod", Map.of(), false);

        URI baseUrl = URI.create(config.getValue(BASE_URL, String.class));

        assertThat(baseUrl.getHost()).isEqualTo("127.0.0.1");
        assertThat(config.getValue(API_KEY, String.class)).isEqualTo("embedded-simulator");
        assertThat(get(baseUrl + "/models").statusCode()).isEqualTo(200);
        EmbeddedSimulator.stop();
        assertThatThrownBy(() -> get(baseUrl + "/models")).isInstanceOf(ConnectException.class);
    }

    @Test
    void configuredBaseUrlOrKeyWins() {
        SmallRyeConfig withUrl = config("prod", Map.of(BASE_URL, "http://127.0.0.1:9/v1"), false);
        SmallRyeConfig withKey = config("prod", Map.of(API_KEY, "xai-configured"), false);

        assertThat(withUrl.getValue(BASE_URL, String.class)).isEqualTo("http://127.0.0.1:9/v1");
        assertThat(withUrl.getOptionalValue(API_KEY, String.class)).isEmpty();
        assertThat(withKey.getOptionalValue(BASE_URL, String.class)).isEmpty();
    }

    @Test
    void neverDuringTheBuildNorOutsideProduction() {
        assertThat(config("prod", Map.of(), true).getOptionalValue(BASE_URL, String.class))
                .isEmpty();
        assertThat(config("test", Map.of(), false).getOptionalValue(BASE_URL, String.class))
                .isEmpty();
        assertThat(config("dev", Map.of(), false).getOptionalValue(BASE_URL, String.class))
                .isEmpty();
    }

    private static SmallRyeConfig config(String profile, Map<String, String> values,
            boolean building) {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(values, "application", 250))
                .withSources(new EmbeddedSimulatorConfigSourceFactory(() -> building))
                .build();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
