package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A setting that only building the client can reject, a missing capabilities file, still fails
 * startup and names the Quarkus property: the client bean is created eagerly.
 */
class Grok4UnreadableFileTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.grok4.devservices.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.grok4.capabilities-file",
                    "target/no-such-capabilities.json")
            .assertException(Grok4UnreadableFileTest::namesTheProperty);

    /** The exception crosses class loaders, so it is matched by its message. */
    static void namesTheProperty(Throwable thrown) {
        Throwable cause = thrown;
        while (cause != null
                && !String.valueOf(cause.getMessage()).startsWith("Invalid quarkus.grok4.")) {
            cause = cause.getCause();
        }
        assertThat(cause).as("a cause naming the property in %s", thrown).isNotNull();
        assertThat(cause.getMessage())
                .startsWith("Invalid quarkus.grok4.capabilities-file: ")
                .contains("no-such-capabilities.json");
    }

    /** Not run: QuarkusUnitTest fails the class when the application starts after all. */
    @Test
    void startupFails() {
        fail("the application must not start");
    }
}
