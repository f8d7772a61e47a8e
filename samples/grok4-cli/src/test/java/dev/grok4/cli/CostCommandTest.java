package dev.grok4.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void comparesTheReferencePricesCheapestFirst() throws Exception {
        CliRun run = CliRun.of("cost", "--json");

        JsonNode rows = JSON.readTree(run.out()).get("rows");
        List<String> models = new ArrayList<>();
        rows.forEach(r -> models.add(r.get("model").asText()));
        assertThat(run.exitCode()).isZero();
        assertThat(models).containsExactly("deepseek-v3.2", "gemini-2.5-flash", "grok-4",
                "gpt-4.1", "claude-sonnet-4.5");
        assertThat(rows.get(2).get("usd").asDouble()).isCloseTo(10.50, within(1e-9));
        assertThat(rows.get(2).get("jpy").asDouble()).isCloseTo(1627.5, within(1e-6));
        assertThat(rows.get(0).get("relative").asDouble()).isEqualTo(1.0);
        assertThat(rows.get(4).get("relative").asDouble()).isCloseTo(52.50 / 1.77, within(1e-9));
    }

    @Test
    void scalesWithTheTokenCountsAndRate() throws Exception {
        CliRun run = CliRun.of("cost", "--input-tokens", "2000", "--output-tokens", "0",
                "--usd-to-jpy", "150", "--json");

        JsonNode grok = find(JSON.readTree(run.out()).get("rows"), "grok-4");
        assertThat(grok.get("usd").asDouble()).isCloseTo(0.006, within(1e-12));
        assertThat(grok.get("jpy").asDouble()).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void printsARoundedTable() {
        CliRun run = CliRun.of("cost");

        assertThat(run.out()).contains("grok-4").contains("10.50").contains("1628");
    }

    @Test
    void rejectsNegativeTokenCounts() {
        CliRun run = CliRun.of("cost", "--input-tokens", "-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("-1");
    }

    private static JsonNode find(JsonNode rows, String model) {
        for (JsonNode row : rows) {
            if (row.get("model").asText().equals(model)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + model + " in " + rows);
    }
}
