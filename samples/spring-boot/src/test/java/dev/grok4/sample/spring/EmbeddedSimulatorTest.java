package dev.grok4.sample.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import dev.grok4.testkit.Grok4Simulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Started with nothing configured, the sample answers from its own embedded simulator. */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedSimulatorTest {
    @Autowired
    private Grok4Client client;

    @Autowired
    private Grok4Simulator simulator;

    @BeforeAll
    static void requireNoKeyInTheEnvironment() {
        assumeTrue(System.getenv(Grok4Config.API_KEY_ENV) == null, Grok4Config.API_KEY_ENV
                + " is set in this environment, so the sample would call the real endpoint");
    }

    @Test
    void pointsTheClientAtTheSimulatorAndSaysSo(CapturedOutput output) {
        assertThat(client.config().baseUrl()).isEqualTo(simulator.baseUrl().toString());
        assertThat(output.getAll()).contains("started the embedded Grok-4 simulator at "
                + simulator.baseUrl());
    }

    @Test
    void answersFromTheSimulator() {
        String answer = client.ask("Hello there");

        assertThat(answer).isNotBlank();
        assertThat(simulator.requests()).anySatisfy(
                request -> assertThat(request.body()).contains("Hello there"));
    }
}
