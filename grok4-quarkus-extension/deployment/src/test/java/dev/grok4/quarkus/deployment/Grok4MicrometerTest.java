package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Client;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With quarkus-micrometer, calls land in the application's registry with the provider tag. */
class Grok4MicrometerTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideRuntimeConfigKey("quarkus.grok4.metrics.provider-name", "holysheep");

    @Inject
    MeterRegistry registry;

    @Inject
    Grok4Client client;

    @Test
    void chatIsRecorded() {
        // Quarkus's root registry is a composite with no backend here; give it one to read.
        SimpleMeterRegistry simple = new SimpleMeterRegistry();
        assertThat(registry).isInstanceOf(CompositeMeterRegistry.class);
        ((CompositeMeterRegistry) registry).add(simple);

        client.ask("count this call");

        DistributionSummary duration = simple.find("gen_ai.client.operation.duration")
                .tag("gen_ai.provider.name", "holysheep")
                .tag("error.type", "none")
                .summary();
        assertThat(duration).isNotNull();
        assertThat(duration.count()).isEqualTo(1);
    }
}
