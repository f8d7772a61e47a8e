package dev.grok4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.Grok4SimulatorExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A key pasted with an en dash must not be printed back by the CLI. */
@ExtendWith(Grok4SimulatorExtension.class)
class PastedKeyCliBreakerTest {
    @Test
    void keyFromTheEnvironmentWithAnEnDashIsAUsageErrorThatDoesNotShowTheKey(
            Grok4Simulator simulator) {
        CliRun run = CliRun.of(Map.of("GROK4_API_KEY", "gw\u2013PASTEDSECRET42"), "chat",
                "--base-url", simulator.baseUrl().toString(), "こんにちは");

        assertThat(run.exitCode()).isEqualTo(Grok4Cli.EXIT_USAGE);
        assertThat(run.err()).contains("U+2013").doesNotContain("PASTEDSECRET");
        assertThat(run.out()).doesNotContain("PASTEDSECRET");
        assertThat(simulator.requestCount()).isZero();
    }
}
