package dev.grok4.sample.micronaut;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Usage;
import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/** The {@code POST /chat} response body. */
@Serdeable
record ChatReply(String content, @Nullable String model, UsageReply usage) {
    static ChatReply of(ChatResponse response) {
        return new ChatReply(response.content(), response.model(),
                UsageReply.of(response.usage()));
    }

    /** Token counts, 0 when the server sent none. */
    @Serdeable
    record UsageReply(
            @JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {
        static UsageReply of(@Nullable Usage usage) {
            if (usage == null) {
                return new UsageReply(0, 0, 0);
            }
            return new UsageReply(orZero(usage.promptTokens()), orZero(usage.completionTokens()),
                    orZero(usage.totalTokens()));
        }

        private static int orZero(@Nullable Integer count) {
            return count == null ? 0 : count;
        }
    }
}
