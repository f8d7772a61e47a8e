package dev.grok4.internal.capabilities;

import dev.grok4.model.ChatRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The request parameters a capability row may name, by wire name, with how to drop each. */
enum Parameter {
    TEMPERATURE("temperature", r -> r.temperature() != null, b -> b.temperature(null)),
    TOP_P("top_p", r -> r.topP() != null, b -> b.topP(null)),
    PRESENCE_PENALTY("presence_penalty", r -> r.presencePenalty() != null,
            b -> b.presencePenalty(null)),
    FREQUENCY_PENALTY("frequency_penalty", r -> r.frequencyPenalty() != null,
            b -> b.frequencyPenalty(null)),
    MAX_COMPLETION_TOKENS("max_completion_tokens", r -> r.maxCompletionTokens() != null,
            b -> b.maxCompletionTokens(null)),
    MAX_TOKENS("max_tokens", r -> r.maxTokens() != null, b -> b.maxTokens(null)),
    SEED("seed", r -> r.seed() != null, b -> b.seed(null)),
    N("n", r -> r.n() != null, b -> b.n(null)),
    STOP("stop", r -> !r.stop().isEmpty(), b -> b.stop(List.of())),
    USER("user", r -> r.user() != null, b -> b.user(null)),
    TOOLS("tools", r -> !r.tools().isEmpty(), b -> b.tools(List.of())),
    TOOL_CHOICE("tool_choice", r -> r.toolChoice() != null, b -> b.toolChoice(null)),
    PARALLEL_TOOL_CALLS("parallel_tool_calls", r -> r.parallelToolCalls() != null,
            b -> b.parallelToolCalls(null)),
    RESPONSE_FORMAT("response_format", r -> r.responseFormat() != null,
            b -> b.responseFormat(null)),
    REASONING_EFFORT("reasoning_effort", r -> r.reasoningEffort() != null,
            b -> b.reasoningEffort(null));

    private static final Map<String, Parameter> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(p -> p.wireName, p -> p));

    private final String wireName;
    private final Predicate<ChatRequest> isSet;
    private final Consumer<ChatRequest.Builder> clear;

    Parameter(String wireName, Predicate<ChatRequest> isSet, Consumer<ChatRequest.Builder> clear) {
        this.wireName = wireName;
        this.isSet = isSet;
        this.clear = clear;
    }

    static boolean isKnown(String wireName) {
        return Arrays.stream(values()).anyMatch(p -> p.wireName.equals(wireName));
    }

    static Parameter of(String wireName) {
        Parameter parameter = BY_WIRE_NAME.get(wireName);
        if (parameter == null) {
            throw new IllegalArgumentException("Unknown parameter " + wireName);
        }
        return parameter;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(p -> p.wireName).toList();
    }

    boolean isSet(ChatRequest request) {
        return isSet.test(request);
    }

    void clear(ChatRequest.Builder builder) {
        clear.accept(builder);
    }
}
