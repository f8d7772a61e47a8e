package dev.grok4.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.grok4.testkit.Grok4Simulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A tiny real run: the floor client against an in-process simulator for 0.3 s. */
class LoadRunnerTest {
    private static Grok4Simulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = Grok4Simulator.builder().streamChunkSize(Workload.STREAM_CHUNK_SIZE).start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void aChatCellCountsCallsAndReportsTheJsonShape() throws Exception {
        Measurement run = measure(Mode.CHAT, 2);

        CellResult row = CellResult.merge(List.of(run));
        JsonNode json = new ObjectMapper().readTree(Report.json(List.of(row)));

        assertThat(json.size()).isEqualTo(1);
        JsonNode result = json.get("results").get(0);
        assertThat(result.get("client").asText()).isEqualTo("jdk");
        assertThat(result.get("mode").asText()).isEqualTo("chat");
        assertThat(result.get("concurrency").asInt()).isEqualTo(2);
        assertThat(result.get("throughput_rps").asDouble()).isPositive();
        assertThat(result.get("p50_us").asDouble()).isPositive();
        assertThat(result.get("p99_us").asDouble())
                .isGreaterThanOrEqualTo(result.get("p50_us").asDouble());
        assertThat(result.get("cpu_us_per_call").asDouble()).isPositive();
        assertThat(result.get("alloc_bytes_per_call").asDouble()).isPositive();
        assertThat(result.get("errors").asLong()).isZero();
        assertThat(result.get("calls").asLong()).isEqualTo(run.calls()).isPositive();
    }

    @Test
    void theStreamWorkloadYieldsTwoHundredContentEventsPerCall() throws Exception {
        Measurement run = measure(Mode.STREAM, 1);

        assertThat(run.errors()).isZero();
        assertThat(run.calls()).isPositive();
        assertThat(run.events()).isEqualTo(run.calls() * Workload.STREAM_EVENTS);
    }

    @Test
    void theChatWorkloadIsAboutOneKilobyte() throws Exception {
        try (JdkDriver driver = new JdkDriver(simulator.baseUrl())) {
            assertThat(driver.chat()).isBetween(500, 1000);
        }
    }

    @Test
    void theTableHasAHeaderAndOneLinePerRowWithTheRatioToTheFloor() throws Exception {
        CellResult row = CellResult.merge(List.of(measure(Mode.CHAT, 1)));

        String[] lines = Report.table(List.of(row)).split("\n");

        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("client").contains("req/s", "p99 us", "KB/call");
        assertThat(lines[1]).startsWith("jdk").contains(" chat ", " 1.00 ");
    }

    private static Measurement measure(Mode mode, int concurrency) throws Exception {
        try (JdkDriver driver = new JdkDriver(simulator.baseUrl())) {
            mode.call(driver); // loads the classes outside the short windows
            return new LoadRunner().run(driver, mode, concurrency, Duration.ofMillis(100),
                    Duration.ofMillis(300));
        }
    }
}
