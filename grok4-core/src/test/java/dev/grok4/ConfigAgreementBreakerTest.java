package dev.grok4;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings that Grok4Config accepts must not be refused later by the client it configures. */
class ConfigAgreementBreakerTest {
    @Test
    void zeroPermitTimeoutIsRefusedByTheConfigNotFirstByTheClient() {
        // The concurrency limiter needs a positive wait; the config used to say "0 or more".
        Grok4Config.Builder settings = Grok4Config.builder().permitTimeout(Duration.ZERO);

        assertThatThrownBy(settings::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid permitTimeout: PT0S");
    }
}
