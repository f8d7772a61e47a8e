package dev.grok4.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void parsesEveryOption() {
        SimulatorMain.Options options = SimulatorMain.Options.parse(new String[] {
            "--port", "0", "--latency-ms", "20", "--spread-ms", "5", "--stream-chunk-size", "8",
            "--stream-interval-ms", "2", "--ignore-stdin"});

        assertThat(options).isEqualTo(new SimulatorMain.Options(0, 20, 5, 8, 2, true));
    }

    @Test
    void rejectsUnknownOptionsAndBadNumbers() {
        assertThatThrownBy(() -> SimulatorMain.Options.parse(new String[] {"--bogus", "1"}))
                .hasMessageContaining("--bogus");
        assertThatThrownBy(() -> SimulatorMain.Options.parse(new String[] {"--port", "x"}))
                .hasMessageContaining("--port");
        assertThatThrownBy(() -> SimulatorMain.Options.parse(new String[] {"--latency-ms"}))
                .hasMessageContaining("missing value");
    }
}
