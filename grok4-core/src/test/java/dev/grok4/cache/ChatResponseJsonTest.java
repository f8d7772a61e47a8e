package dev.grok4.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.internal.cache.ChatResponseJson;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Cost;
import dev.grok4.model.ResponseSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatResponseJsonTest {

    @Test
    void roundTripsChoicesToolCallsUsageAndModel() {
        ChatResponse original = Responses.toolCalls();

        ChatResponse read = ChatResponseJson.read(ChatResponseJson.write(original));

        assertThat(read).isEqualTo(original);
        assertThat(read.toolCalls()).extracting(t -> t.name())
                .containsExactly("get_weather", "get_time");
        assertThat(read.choices().get(1).content()).isEqualTo("日本語 ✓ 😀");
        assertThat(read.usage().outputTokens()).isEqualTo(78);
    }

    @Test
    void keepsReasoningCachedTokensAndTicks() {
        ChatResponse original = Responses.text("Grok is a model.");

        ChatResponse read = ChatResponseJson.read(ChatResponseJson.write(original));

        assertThat(read).isEqualTo(original);
        assertThat(read.reasoning()).isEqualTo("thinking about it");
        assertThat(read.usage().cachedTokens()).isEqualTo(4);
        assertThat(read.usage().costInUsdTicks()).isEqualTo(52_700_000L);
        assertThat(read.systemFingerprint()).isEqualTo("fp_cache");
    }

    @Test
    void dropsWhatTheClientObservedDuringTheCall() {
        ChatResponse observed = Responses.text("x").toBuilder().attempts(3)
                .latency(Duration.ofSeconds(2)).cost(new Cost(1, 155, true))
                .timeToFirstToken(Duration.ofMillis(300)).build();

        ChatResponse read = ChatResponseJson.read(ChatResponseJson.write(observed));

        assertThat(read.attempts()).isEqualTo(1);
        assertThat(read.latency()).isEqualTo(Duration.ZERO);
        assertThat(read.cost()).isNull();
        assertThat(read.timeToFirstToken()).isNull();
        assertThat(read.source()).isEqualTo(ResponseSource.NETWORK);
    }

    @Test
    void rejectsOtherVersionsAndNonJson() {
        assertThatThrownBy(() -> ChatResponseJson.read("{\"v\":2,\"choices\":[]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported format");
        assertThatThrownBy(() -> ChatResponseJson.read("not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }
}
