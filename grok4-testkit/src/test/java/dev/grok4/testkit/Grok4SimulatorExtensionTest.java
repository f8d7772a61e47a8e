package dev.grok4.testkit;

import static dev.grok4.testkit.TestHttp.chat;
import static dev.grok4.testkit.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Grok4SimulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Grok4SimulatorExtensionTest {
    private static Grok4Simulator firstSeen;

    @Test
    @Order(1)
    void injectsAWorkingSimulatorAndItsBaseUrl(Grok4Simulator simulator,
            @SimulatorBaseUrl URI baseUrl) throws Exception {
        simulator.enqueue(ScriptedResponse.json(200, "{\"ok\":true}"));

        String body = post(baseUrl, chat("grok-4", "hi")).body();

        assertThat(baseUrl).isEqualTo(simulator.baseUrl());
        assertThat(body).isEqualTo("{\"ok\":true}");
        firstSeen = simulator;
    }

    @Test
    @Order(2)
    void sharesOneSimulatorPerClassAndResetsItBeforeEachTest(Grok4Simulator simulator) {
        assertThat(simulator).isSameAs(firstSeen);
        assertThat(simulator.requestCount()).isZero();
        assertThat(simulator.requests()).isEmpty();
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClassesUseTheOuterSimulator(Grok4Simulator simulator) {
            assertThat(simulator.baseUrl().getHost()).isEqualTo("127.0.0.1");
        }
    }
}
