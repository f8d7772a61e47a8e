package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.grok4.model.ChatRequest;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.Grok4SimulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys copied from web pages carry characters an HTTP header cannot hold. */
@ExtendWith(Grok4SimulatorExtension.class)
class PastedKeyBreakerTest {
    @ParameterizedTest
    @ValueSource(strings = {"gwkey\u2013SECRET123456", "gwkey-SECRET123456\u00A0",
            "gwkey-SECRET\u200B123456", "gwkey-SECRET\n123456"})
    void keyWithCharactersAHeaderCannotHoldGivesATypedErrorWithoutTheKey(String key,
            Grok4Simulator simulator) {
        Grok4Client.Builder builder = Grok4Client.builder().baseUrl(simulator.baseUrl()
                .toString().replace("127.0.0.1", "localhost")).apiKey(key);
        builder.settings().cacheType(Grok4Config.CacheType.NONE);
        Throwable failure;
        try (Grok4Client client = builder.build()) {
            failure = catchThrowable(() -> client.chat(ChatRequest.ofPrompt("hi")));
        }
        StringWriter trace = new StringWriter();
        if (failure != null) {
            failure.printStackTrace(new PrintWriter(trace));
        }

        assertThat(failure).isInstanceOf(Grok4Exception.class);
        assertThat(((Grok4Exception) failure).kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(trace.toString()).doesNotContain("SECRET");
    }
}
