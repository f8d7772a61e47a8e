package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Client;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An application's own Grok4Client bean replaces the extension's. */
class Grok4UserBeanTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(UserClientProducer.class))
            .overrideConfigKey("quarkus.grok4.model", "grok-from-properties")
            .overrideConfigKey("quarkus.grok4.devservices.enabled", "false");

    @Inject
    Grok4Client client;

    @Test
    void userBeanIsInjected() {
        assertThat(client.config().model()).isEqualTo("grok-from-user-bean");
        assertThat(client.config().baseUrl()).isEqualTo("http://127.0.0.1:7/v1");
    }

    @Test
    void extensionBeanIsGone() {
        assertThat(Arc.container().select(Grok4Client.class).handlesStream().count())
                .isEqualTo(1);
    }

    @Singleton
    static class UserClientProducer {
        @Produces
        @Singleton
        Grok4Client client() {
            return Grok4Client.builder()
                    .baseUrl("http://127.0.0.1:7/v1")
                    .model("grok-from-user-bean")
                    .build();
        }

        void close(@Disposes Grok4Client client) {
            client.close();
        }
    }
}
