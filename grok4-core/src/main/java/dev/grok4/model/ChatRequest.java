package dev.grok4.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chat-completions request.
 *
 * <p>Build one with {@link #builder()}; every optional parameter left unset is omitted from the
 * JSON body, so the server's default applies. The model may be left unset too, in which case the
 * client's configured model is used.
 *
 * <pre>{@code
 * ChatRequest request = ChatRequest.builder()
 *         .addMessage(Message.system("Answer in Japanese."))
 *         .addMessage(Message.user("What is Grok?"))
 *         .maxCompletionTokens(200)
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class ChatRequest {
    private final @Nullable String model;
    private final List<Message> messages;
    private final @Nullable Double temperature;
    private final @Nullable Double topP;
    private final @Nullable Double presencePenalty;
    private final @Nullable Double frequencyPenalty;
    private final @Nullable Integer maxCompletionTokens;
    private final @Nullable Integer maxTokens;
    private final @Nullable Long seed;
    private final @Nullable Integer n;
    private final List<String> stop;
    private final @Nullable String user;
    private final List<Tool> tools;
    private final @Nullable ToolChoice toolChoice;
    private final @Nullable Boolean parallelToolCalls;
    private final @Nullable ResponseFormat responseFormat;
    private final @Nullable String reasoningEffort;
    private final Map<String, @Nullable Object> extraBody;
    private final boolean cacheable;

    private ChatRequest(Builder b) {
        this.model = b.model;
        this.messages = List.copyOf(b.messages);
        this.temperature = b.temperature;
        this.topP = b.topP;
        this.presencePenalty = b.presencePenalty;
        this.frequencyPenalty = b.frequencyPenalty;
        this.maxCompletionTokens = b.maxCompletionTokens;
        this.maxTokens = b.maxTokens;
        this.seed = b.seed;
        this.n = b.n;
        this.stop = List.copyOf(b.stop);
        this.user = b.user;
        this.tools = List.copyOf(b.tools);
        this.toolChoice = b.toolChoice;
        this.parallelToolCalls = b.parallelToolCalls;
        this.responseFormat = b.responseFormat;
        this.reasoningEffort = b.reasoningEffort;
        this.extraBody = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraBody));
        this.cacheable = b.cacheable;
    }

    /** Returns a new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a request with one user message, for the client's configured model. */
    public static ChatRequest ofPrompt(String prompt) {
        return builder().addMessage(Message.user(prompt)).build();
    }

    /** Returns a builder holding this request's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns the model, or null to use the client's configured model. */
    public @Nullable String model() {
        return model;
    }

    /** Returns the conversation, never empty. */
    public List<Message> messages() {
        return messages;
    }

    /** Returns the sampling temperature, or null for the server default. */
    public @Nullable Double temperature() {
        return temperature;
    }

    /** Returns the nucleus-sampling mass ({@code top_p}), or null. */
    public @Nullable Double topP() {
        return topP;
    }

    /** Returns {@code presence_penalty}, or null. */
    public @Nullable Double presencePenalty() {
        return presencePenalty;
    }

    /** Returns {@code frequency_penalty}, or null. */
    public @Nullable Double frequencyPenalty() {
        return frequencyPenalty;
    }

    /** Returns {@code max_completion_tokens}, which includes reasoning tokens, or null. */
    public @Nullable Integer maxCompletionTokens() {
        return maxCompletionTokens;
    }

    /** Returns the legacy {@code max_tokens}, or null. */
    public @Nullable Integer maxTokens() {
        return maxTokens;
    }

    /** Returns the sampling seed, or null. */
    public @Nullable Long seed() {
        return seed;
    }

    /** Returns how many choices to generate, or null for one. */
    public @Nullable Integer n() {
        return n;
    }

    /** Returns the stop sequences; empty when none are sent. */
    public List<String> stop() {
        return stop;
    }

    /** Returns the end-user identifier sent for abuse monitoring, or null. */
    public @Nullable String user() {
        return user;
    }

    /** Returns the tools the model may call; empty when none. */
    public List<Tool> tools() {
        return tools;
    }

    /** Returns the tool choice, or null for the server default. */
    public @Nullable ToolChoice toolChoice() {
        return toolChoice;
    }

    /** Returns {@code parallel_tool_calls}, or null. */
    public @Nullable Boolean parallelToolCalls() {
        return parallelToolCalls;
    }

    /** Returns the response format, or null for free text. */
    public @Nullable ResponseFormat responseFormat() {
        return responseFormat;
    }

    /** Returns {@code reasoning_effort} such as {@code "low"} or {@code "high"}, or null. */
    public @Nullable String reasoningEffort() {
        return reasoningEffort;
    }

    /**
     * Returns extra top-level body fields for gateway-specific options, in insertion order.
     * Values are JSON-compatible: strings, numbers, booleans, null, lists and maps.
     */
    public Map<String, @Nullable Object> extraBody() {
        return extraBody;
    }

    /** Returns whether the client's cache may answer or store this request. Default true. */
    public boolean cacheable() {
        return cacheable;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof ChatRequest r)) {
            return false;
        }
        return Objects.equals(model, r.model) && messages.equals(r.messages)
                && Objects.equals(temperature, r.temperature) && Objects.equals(topP, r.topP)
                && Objects.equals(presencePenalty, r.presencePenalty)
                && Objects.equals(frequencyPenalty, r.frequencyPenalty)
                && Objects.equals(maxCompletionTokens, r.maxCompletionTokens)
                && Objects.equals(maxTokens, r.maxTokens) && Objects.equals(seed, r.seed)
                && Objects.equals(n, r.n) && stop.equals(r.stop) && Objects.equals(user, r.user)
                && tools.equals(r.tools) && Objects.equals(toolChoice, r.toolChoice)
                && Objects.equals(parallelToolCalls, r.parallelToolCalls)
                && Objects.equals(responseFormat, r.responseFormat)
                && Objects.equals(reasoningEffort, r.reasoningEffort)
                && extraBody.equals(r.extraBody) && cacheable == r.cacheable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, messages, temperature, topP, maxCompletionTokens, maxTokens,
                tools, responseFormat, extraBody);
    }

    /** Describes the request without message content, which may be private. */
    @Override
    public String toString() {
        return "ChatRequest[model=" + model + ", messages=" + messages.size() + ", tools="
                + tools.size() + "]";
    }

    /**
     * Builds a {@link ChatRequest}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private @Nullable String model;
        private final List<Message> messages = new ArrayList<>();
        private @Nullable Double temperature;
        private @Nullable Double topP;
        private @Nullable Double presencePenalty;
        private @Nullable Double frequencyPenalty;
        private @Nullable Integer maxCompletionTokens;
        private @Nullable Integer maxTokens;
        private @Nullable Long seed;
        private @Nullable Integer n;
        private List<String> stop = new ArrayList<>();
        private @Nullable String user;
        private final List<Tool> tools = new ArrayList<>();
        private @Nullable ToolChoice toolChoice;
        private @Nullable Boolean parallelToolCalls;
        private @Nullable ResponseFormat responseFormat;
        private @Nullable String reasoningEffort;
        private final Map<String, @Nullable Object> extraBody = new LinkedHashMap<>();
        private boolean cacheable = true;

        private Builder() {}

        private Builder(ChatRequest r) {
            model = r.model;
            messages.addAll(r.messages);
            temperature = r.temperature;
            topP = r.topP;
            presencePenalty = r.presencePenalty;
            frequencyPenalty = r.frequencyPenalty;
            maxCompletionTokens = r.maxCompletionTokens;
            maxTokens = r.maxTokens;
            seed = r.seed;
            n = r.n;
            stop = new ArrayList<>(r.stop);
            user = r.user;
            tools.addAll(r.tools);
            toolChoice = r.toolChoice;
            parallelToolCalls = r.parallelToolCalls;
            responseFormat = r.responseFormat;
            reasoningEffort = r.reasoningEffort;
            extraBody.putAll(r.extraBody);
            cacheable = r.cacheable;
        }

        /** Sets the model; null means the client's configured model. */
        public Builder model(@Nullable String model) {
            this.model = model;
            return this;
        }

        /** Replaces the conversation. */
        public Builder messages(List<Message> messages) {
            this.messages.clear();
            messages.forEach(this::addMessage);
            return this;
        }

        /** Appends one message. */
        public Builder addMessage(Message message) {
            messages.add(requireNonNull(message, "message"));
            return this;
        }

        /** Sets the sampling temperature. */
        public Builder temperature(@Nullable Double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Sets {@code top_p}. */
        public Builder topP(@Nullable Double topP) {
            this.topP = topP;
            return this;
        }

        /** Sets {@code presence_penalty}. grok-4 rejects it. */
        public Builder presencePenalty(@Nullable Double presencePenalty) {
            this.presencePenalty = presencePenalty;
            return this;
        }

        /** Sets {@code frequency_penalty}. grok-4 rejects it. */
        public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
            this.frequencyPenalty = frequencyPenalty;
            return this;
        }

        /** Sets {@code max_completion_tokens}, the cap on reply plus reasoning tokens. */
        public Builder maxCompletionTokens(@Nullable Integer maxCompletionTokens) {
            this.maxCompletionTokens = maxCompletionTokens;
            return this;
        }

        /** Sets the legacy {@code max_tokens}. Prefer {@link #maxCompletionTokens}. */
        public Builder maxTokens(@Nullable Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /** Sets the sampling seed. */
        public Builder seed(@Nullable Long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets how many choices to generate. */
        public Builder n(@Nullable Integer n) {
            this.n = n;
            return this;
        }

        /** Sets the stop sequences. grok-4 rejects them. */
        public Builder stop(List<String> stop) {
            this.stop = new ArrayList<>(stop);
            return this;
        }

        /** Sets the end-user identifier. */
        public Builder user(@Nullable String user) {
            this.user = user;
            return this;
        }

        /** Replaces the tools. */
        public Builder tools(List<Tool> tools) {
            this.tools.clear();
            tools.forEach(this::addTool);
            return this;
        }

        /** Appends one tool. */
        public Builder addTool(Tool tool) {
            tools.add(requireNonNull(tool, "tool"));
            return this;
        }

        /** Sets the tool choice. */
        public Builder toolChoice(@Nullable ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        /** Sets {@code parallel_tool_calls}. */
        public Builder parallelToolCalls(@Nullable Boolean parallelToolCalls) {
            this.parallelToolCalls = parallelToolCalls;
            return this;
        }

        /** Sets the response format. */
        public Builder responseFormat(@Nullable ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        /** Sets {@code reasoning_effort}. grok-4 rejects it; grok-3-mini accepts it. */
        public Builder reasoningEffort(@Nullable String reasoningEffort) {
            this.reasoningEffort = reasoningEffort;
            return this;
        }

        /**
         * Adds a top-level body field for a gateway-specific option. A field with the name of a
         * standard parameter is rejected: set that parameter through its own method.
         */
        public Builder extraBody(String name, @Nullable Object value) {
            extraBody.put(requireNonNull(name, "name"), value);
            return this;
        }

        /** Allows or forbids the client's cache for this request. Default true. */
        public Builder cacheable(boolean cacheable) {
            this.cacheable = cacheable;
            return this;
        }

        /**
         * Returns the request.
         *
         * @throws IllegalStateException if there are no messages
         */
        public ChatRequest build() {
            if (messages.isEmpty()) {
                throw new IllegalStateException(
                        "A chat request needs at least one message; add one with addMessage(...)");
            }
            return new ChatRequest(this);
        }
    }
}
