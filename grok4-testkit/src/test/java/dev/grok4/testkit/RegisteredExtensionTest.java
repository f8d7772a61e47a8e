package dev.grok4.testkit;

import static dev.grok4.testkit.TestHttp.dataPayloads;
import static dev.grok4.testkit.TestHttp.post;
import static dev.grok4.testkit.TestHttp.streamChat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisteredExtensionTest {
    @RegisterExtension
    final Grok4SimulatorExtension simulator = new Grok4SimulatorExtension(
            () -> Grok4Simulator.builder().streamChunkSize(1000));

    @Test
    void instanceRegistrationStartsASimulatorFromTheSuppliedBuilder(
            @SimulatorBaseUrl URI baseUrl) throws Exception {
        String sse = post(baseUrl, streamChat("hi", false)).body();

        assertThat(dataPayloads(sse)).hasSize(4);
    }
}
