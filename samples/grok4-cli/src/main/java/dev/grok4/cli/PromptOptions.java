package dev.grok4.cli;

import dev.grok4.model.ChatRequest;
import dev.grok4.model.Message;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The prompt of a single question and the options that shape it. */
final class PromptOptions {
    @Parameters(index = "0", paramLabel = "PROMPT", description = "The question.")
    String prompt = "";

    @Option(names = "--system", paramLabel = "TEXT", description = "A system message.")
    @Nullable String system;

    @Option(names = "--max-tokens", paramLabel = "N",
            description = "Cap on generated tokens (max_completion_tokens).")
    @Nullable Integer maxTokens;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature.")
    @Nullable Double temperature;

    /** Returns the request for these options. */
    ChatRequest request() {
        if (prompt.isBlank()) {
            throw new ErrorReporter.UsageException("The prompt is empty; pass the question as "
                    + "the last argument, e.g. grok4 chat \"What is Grok?\"");
        }
        if (prompt.indexOf('\uFFFD') >= 0) {
            throw new ErrorReporter.UsageException("The prompt has characters the locale could "
                    + "not decode (is LC_ALL=C?); run with a UTF-8 locale such as "
                    + "LC_ALL=C.UTF-8, or put the prompt in a file for batch --input");
        }
        ChatRequest.Builder builder = ChatRequest.builder();
        if (system != null) {
            builder.addMessage(Message.system(system));
        }
        return builder.addMessage(Message.user(prompt))
                .maxCompletionTokens(maxTokens)
                .temperature(temperature)
                .build();
    }
}
