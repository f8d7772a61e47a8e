package dev.grok4.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.testkit.Grok4Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every client gets the same reply from the simulator, so the comparison is like for like. */
class ClientsTest {
    private static Grok4Simulator simulator;
    private static int floorChars;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = Grok4Simulator.builder().streamChunkSize(Workload.STREAM_CHUNK_SIZE).start();
        try (ClientDriver floor = Clients.create("jdk", simulator.baseUrl(), 1)) {
            floorChars = floor.chat();
        }
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "grok4", "openai-java", "langchain4j"})
    void eachClientReadsTheSameChatReplyAndAllTwoHundredEvents(String name) throws Exception {
        try (ClientDriver driver = Clients.create(name, simulator.baseUrl(), 2)) {
            assertThat(driver.name()).isEqualTo(name);
            assertThat(driver.chat()).isEqualTo(floorChars).isGreaterThan(500);
            assertThat(driver.stream()).isEqualTo(Workload.STREAM_EVENTS);
        }
    }

    @Test
    void anUnknownClientIsNamed() {
        assertThatThrownBy(() -> Clients.create("okhttp", simulator.baseUrl(), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown client: okhttp");
    }
}
