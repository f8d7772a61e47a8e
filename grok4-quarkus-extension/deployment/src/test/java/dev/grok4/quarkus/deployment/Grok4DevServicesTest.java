package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With no API key and no base URL, test mode starts the simulator, points the client at it and
 * stops it when the application shuts down.
 */
class Grok4DevServicesTest {
    /** Carries the simulator's port from the application's class loader to the after-all check. */
    private static final String PORT_PROPERTY = "grok4.test.devservices.port";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .setBeforeAllCustomizer(Grok4DevServicesTest::requireNoKeyInEnvironment)
            .setLogRecordPredicate(r -> r.getLoggerName().contains("Grok4DevServices"))
            .assertLogRecords(records -> assertThat(records)
                    .anySatisfy(r -> {
                        assertThat(r.getLevel()).isEqualTo(Level.INFO);
                        assertThat(r.getMessage()).contains("started the simulator");
                    }))
            .setAfterAllCustomizer(Grok4DevServicesTest::simulatorIsStopped);

    @Inject
    Grok4Client client;

    @Test
    void clientPointsAtLoopbackSimulator() throws Exception {
        URI baseUrl = URI.create(client.config().baseUrl());
        System.setProperty(PORT_PROPERTY, String.valueOf(baseUrl.getPort()));

        assertThat(baseUrl.getHost()).isEqualTo("127.0.0.1");
        assertThat(baseUrl.getPath()).isEqualTo("/v1");
        assertThat(client.config().apiKey()).isEqualTo(Grok4DevServicesProcessor.PLACEHOLDER_KEY);
        HttpResponse<String> models = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/models")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.body()).contains("grok-4");
        assertThat(client.ask("ping from the dev services test")).contains("ping from the dev");
    }

    static void requireNoKeyInEnvironment() {
        Assumptions.assumeTrue(System.getenv(Grok4Config.API_KEY_ENV) == null,
                "GROK4_API_KEY is set, which turns Dev Services off");
    }

    static void simulatorIsStopped() {
        int port = Integer.parseInt(System.getProperty(PORT_PROPERTY, "0"));
        System.clearProperty(PORT_PROPERTY);
        assertThat(port).as("the test recorded the simulator's port").isPositive();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
    }
}
