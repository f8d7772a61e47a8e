package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Client;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * fallback-models=none clears the fallback chain: an empty value cannot, because SmallRye
 * Config treats it as unset and applies the default.
 */
class Grok4NoFallbackTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.grok4.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.grok4.fallback-models", "none");

    @Inject
    Grok4Client client;

    @Test
    void noFallbackModels() {
        assertThat(client.config().fallbackModels()).isEmpty();
    }
}
