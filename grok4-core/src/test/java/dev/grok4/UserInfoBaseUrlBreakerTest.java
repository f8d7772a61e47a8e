package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.grok4.model.ChatRequest;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.Grok4SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Gateways sometimes document credentials inside the URL; they must not reach a message. */
@ExtendWith(Grok4SimulatorExtension.class)
class UserInfoBaseUrlBreakerTest {
    @Test
    void credentialsInTheBaseUrlAreRefusedWithoutBeingQuoted(Grok4Simulator simulator) {
        String url = simulator.baseUrl().toString().replace("http://",
                "http://team:URLSECRET99@");

        Throwable failure = catchThrowable(() -> {
            Grok4Client.Builder builder = Grok4Client.builder().baseUrl(url);
            builder.settings().cacheType(Grok4Config.CacheType.NONE);
            try (Grok4Client client = builder.build()) {
                client.chat(ChatRequest.ofPrompt("hi"));
            }
        });

        assertThat(failure).isInstanceOf(IllegalArgumentException.class);
        assertThat(failure.getMessage()).contains("baseUrl").doesNotContain("URLSECRET99");
    }
}
