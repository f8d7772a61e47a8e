package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A value core rejects fails startup with a message naming the Quarkus property. */
class Grok4InvalidConfigTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.grok4.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.grok4.max-concurrent", "0")
            .assertException(Grok4InvalidConfigTest::namesTheProperty);

    /** The exception crosses class loaders, so it is matched by name, not by type. */
    static void namesTheProperty(Throwable thrown) {
        Throwable cause = thrown;
        while (cause != null && !String.valueOf(cause.getMessage()).contains("quarkus.grok4.")) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a cause naming the property in %s", thrown).isNotNull();
        assertThat(cause.getClass().getName()).isEqualTo(ConfigurationException.class.getName());
        assertThat(cause.getMessage())
                .isEqualTo("Invalid quarkus.grok4.max-concurrent: 0; expected at least 1");
    }

    /** Not run: QuarkusUnitTest fails the class when the application starts after all. */
    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
