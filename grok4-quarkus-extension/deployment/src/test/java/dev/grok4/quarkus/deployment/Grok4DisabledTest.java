package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.Grok4Client;
import io.quarkus.arc.InactiveBeanException;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * quarkus.grok4.enabled=false leaves no usable client bean, and the other settings are not
 * even validated (max-concurrent=0 would fail startup otherwise).
 */
class Grok4DisabledTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideRuntimeConfigKey("quarkus.grok4.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.grok4.max-concurrent", "0");

    @Inject
    InjectableInstance<Grok4Client> client;

    @Test
    void noActiveClient() {
        assertThat(client.listActive()).isEmpty();
        assertThat(client.getHandle().getBean().isActive()).isFalse();
    }

    @Test
    void lookingItUpNamesTheProperty() {
        assertThatThrownBy(() -> client.get().config())
                .isInstanceOf(InactiveBeanException.class)
                .hasMessageContaining("quarkus.grok4.enabled is false");
    }
}
