package dev.grok4.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void measuresTheLightScenarioOnTheSimulator() throws Exception {
        CliRun run = CliRun.of("bench", "--scenario", "light", "--requests", "30", "--json");

        JsonNode scenario = JSON.readTree(run.out()).get("scenarios").get(0);
        assertThat(run.exitCode()).isZero();
        assertThat(scenario.get("name").asText()).isEqualTo("light");
        assertThat(scenario.get("requests").asInt()).isEqualTo(30);
        assertThat(scenario.get("succeeded").asInt()).isEqualTo(30);
        assertThat(scenario.get("concurrency").asInt()).isEqualTo(10);
        assertThat(scenario.get("error_rate").asDouble()).isZero();
        assertThat(scenario.get("limit_rps").asDouble()).isCloseTo(10 / 0.127, within(1e-6));
        assertThat(scenario.get("avg_ms").asDouble()).isGreaterThan(100);
        assertThat(scenario.get("p95_ms").asDouble())
                .isGreaterThanOrEqualTo(scenario.get("avg_ms").asDouble() * 0.9);
        assertThat(scenario.get("throughput_rps").asDouble()).isPositive();
    }

    @Test
    void overridesTheConcurrency() throws Exception {
        CliRun run = CliRun.of("bench", "--scenario", "light", "--requests", "4",
                "--concurrency", "2", "--json");

        JsonNode scenario = JSON.readTree(run.out()).get("scenarios").get(0);
        assertThat(scenario.get("concurrency").asInt()).isEqualTo(2);
        assertThat(scenario.get("limit_rps").asDouble()).isCloseTo(2 / 0.127, within(1e-6));
    }

    @Test
    void rejectsAnUnknownScenario() {
        CliRun run = CliRun.of("bench", "--scenario", "huge");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("huge").contains("light, standard, long, burst or all");
    }
}
