package dev.grok4.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A chat-completions response, with what the client observed while getting it.
 *
 * <p>The first choice's fields have shortcuts: {@link #content()}, {@link #reasoning()},
 * {@link #toolCalls()} and {@link #finishReason()}.
 *
 * @since 0.1
 */
public final class ChatResponse {
    private final @Nullable String id;
    private final @Nullable String model;
    private final @Nullable Long created;
    private final @Nullable String systemFingerprint;
    private final List<Choice> choices;
    private final @Nullable Usage usage;
    private final ResponseSource source;
    private final @Nullable String requestedModel;
    private final int attempts;
    private final Duration latency;
    private final @Nullable Duration timeToFirstToken;
    private final @Nullable Cost cost;

    private ChatResponse(Builder b) {
        this.id = b.id;
        this.model = b.model;
        this.created = b.created;
        this.systemFingerprint = b.systemFingerprint;
        this.choices = List.copyOf(b.choices);
        this.usage = b.usage;
        this.source = b.source;
        this.requestedModel = b.requestedModel;
        this.attempts = b.attempts;
        this.latency = b.latency;
        this.timeToFirstToken = b.timeToFirstToken;
        this.cost = b.cost;
    }

    /** Returns a new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder holding this response's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns the server's response id, or null. */
    public @Nullable String id() {
        return id;
    }

    /**
     * Returns the model as the server answered, which can differ from the one requested, for
     * example {@code grok-3-mini-high} for {@code grok-3-mini}; null if the server sent none.
     */
    public @Nullable String model() {
        return model;
    }

    /** Returns the creation time in epoch seconds, or null. */
    public @Nullable Long created() {
        return created;
    }

    /** Returns the system fingerprint, or null. */
    public @Nullable String systemFingerprint() {
        return systemFingerprint;
    }

    /** Returns the choices; normally one. */
    public List<Choice> choices() {
        return choices;
    }

    /** Returns the usage figures, or null when the server sent none. */
    public @Nullable Usage usage() {
        return usage;
    }

    /** Returns whether the network or the cache answered. */
    public ResponseSource source() {
        return source;
    }

    /**
     * Returns the model this client requested in the call that succeeded, which tells which
     * model of a fallback chain answered; null when unknown.
     */
    public @Nullable String requestedModel() {
        return requestedModel;
    }

    /** Returns how many HTTP requests the call made, across retries and fallback models. */
    public int attempts() {
        return attempts;
    }

    /** Returns the wall time from the call to the complete response. */
    public Duration latency() {
        return latency;
    }

    /** Returns the time to the first content of a stream, or null for non-streaming calls. */
    public @Nullable Duration timeToFirstToken() {
        return timeToFirstToken;
    }

    /** Returns the cost of the call, or null when the model has no price and none was sent. */
    public @Nullable Cost cost() {
        return cost;
    }

    /** Returns the first choice's content, or the empty string when there is none. */
    public String content() {
        if (choices.isEmpty()) {
            return "";
        }
        String content = choices.get(0).content();
        return content == null ? "" : content;
    }

    /** Returns the first choice's reasoning text, or null. */
    public @Nullable String reasoning() {
        return choices.isEmpty() ? null : choices.get(0).reasoning();
    }

    /** Returns the first choice's tool calls; empty when none. */
    public List<ToolCall> toolCalls() {
        return choices.isEmpty() ? List.of() : choices.get(0).toolCalls();
    }

    /** Returns the first choice's raw finish reason, or null. */
    public @Nullable String finishReason() {
        return choices.isEmpty() ? null : choices.get(0).finishReason();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ChatResponse r && Objects.equals(id, r.id)
                && Objects.equals(model, r.model) && Objects.equals(created, r.created)
                && Objects.equals(systemFingerprint, r.systemFingerprint)
                && choices.equals(r.choices) && Objects.equals(usage, r.usage)
                && source == r.source && Objects.equals(requestedModel, r.requestedModel)
                && attempts == r.attempts && latency.equals(r.latency)
                && Objects.equals(timeToFirstToken, r.timeToFirstToken)
                && Objects.equals(cost, r.cost);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, model, choices, usage, source, attempts);
    }

    /** Describes the response without its content, which may be private. */
    @Override
    public String toString() {
        return "ChatResponse[id=" + id + ", model=" + model + ", finishReason=" + finishReason()
                + ", source=" + source.wireName() + ", attempts=" + attempts + ", " + usage + "]";
    }

    /**
     * Builds a {@link ChatResponse}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private @Nullable String id;
        private @Nullable String model;
        private @Nullable Long created;
        private @Nullable String systemFingerprint;
        private final List<Choice> choices = new ArrayList<>();
        private @Nullable Usage usage;
        private ResponseSource source = ResponseSource.NETWORK;
        private @Nullable String requestedModel;
        private int attempts = 1;
        private Duration latency = Duration.ZERO;
        private @Nullable Duration timeToFirstToken;
        private @Nullable Cost cost;

        private Builder() {}

        private Builder(ChatResponse r) {
            id = r.id;
            model = r.model;
            created = r.created;
            systemFingerprint = r.systemFingerprint;
            choices.addAll(r.choices);
            usage = r.usage;
            source = r.source;
            requestedModel = r.requestedModel;
            attempts = r.attempts;
            latency = r.latency;
            timeToFirstToken = r.timeToFirstToken;
            cost = r.cost;
        }

        /** Sets the response id. */
        public Builder id(@Nullable String id) {
            this.id = id;
            return this;
        }

        /** Sets the model as answered. */
        public Builder model(@Nullable String model) {
            this.model = model;
            return this;
        }

        /** Sets the creation time in epoch seconds. */
        public Builder created(@Nullable Long created) {
            this.created = created;
            return this;
        }

        /** Sets the system fingerprint. */
        public Builder systemFingerprint(@Nullable String systemFingerprint) {
            this.systemFingerprint = systemFingerprint;
            return this;
        }

        /** Replaces the choices. */
        public Builder choices(List<Choice> choices) {
            this.choices.clear();
            this.choices.addAll(choices);
            return this;
        }

        /** Appends a choice. */
        public Builder addChoice(Choice choice) {
            choices.add(requireNonNull(choice, "choice"));
            return this;
        }

        /** Sets the usage. */
        public Builder usage(@Nullable Usage usage) {
            this.usage = usage;
            return this;
        }

        /** Sets the source. */
        public Builder source(ResponseSource source) {
            this.source = requireNonNull(source, "source");
            return this;
        }

        /** Sets the model that was requested in the successful call. */
        public Builder requestedModel(@Nullable String requestedModel) {
            this.requestedModel = requestedModel;
            return this;
        }

        /** Sets the number of HTTP requests made; zero for a cache hit. */
        public Builder attempts(int attempts) {
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must be >= 0, was " + attempts);
            }
            this.attempts = attempts;
            return this;
        }

        /** Sets the wall time of the call. */
        public Builder latency(Duration latency) {
            this.latency = requireNonNull(latency, "latency");
            return this;
        }

        /** Sets the time to first token of a stream. */
        public Builder timeToFirstToken(@Nullable Duration timeToFirstToken) {
            this.timeToFirstToken = timeToFirstToken;
            return this;
        }

        /** Sets the cost. */
        public Builder cost(@Nullable Cost cost) {
            this.cost = cost;
            return this;
        }

        /** Returns the response. */
        public ChatResponse build() {
            return new ChatResponse(this);
        }
    }
}
