package dev.grok4.sample.spring;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Usage;
import org.jspecify.annotations.Nullable;

/** The JSON bodies of the sample's HTTP API. */
final class ChatApi {
    private ChatApi() {}

    /** {@code {"prompt": "..."}}, the body of {@code POST /chat}. */
    record PromptBody(@Nullable String prompt) {}

    /** The answer of {@code POST /chat}. */
    record Reply(String content, @Nullable String model, @Nullable UsageBody usage) {
        static Reply of(ChatResponse response) {
            Usage usage = response.usage();
            return new Reply(response.content(), response.model(),
                    usage == null ? null : new UsageBody(usage.promptTokens(),
                            usage.completionTokens(), usage.totalTokens()));
        }
    }

    /** Token counts as the OpenAI API names them. */
    record UsageBody(@JsonProperty("prompt_tokens") @Nullable Integer promptTokens,
            @JsonProperty("completion_tokens") @Nullable Integer completionTokens,
            @JsonProperty("total_tokens") @Nullable Integer totalTokens) {}

    /** {@code {"error": {"type": "...", "message": "..."}}}, the body of every error. */
    record ErrorBody(Detail error) {
        static ErrorBody of(String type, String message) {
            return new ErrorBody(new Detail(type, message));
        }
    }

    /** The type (an {@link dev.grok4.ErrorKind} wire name) and text of an error. */
    record Detail(String type, String message) {}
}
