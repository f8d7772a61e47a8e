package dev.grok4.internal.stream;

import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Choice;
import dev.grok4.model.ChunkChoice;
import dev.grok4.model.ToolCall;
import dev.grok4.model.ToolCallDelta;
import dev.grok4.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds the final {@link ChatResponse} of a stream from its chunks.
 *
 * <p>Content and reasoning pieces are concatenated per choice; tool-call pieces are merged by
 * their {@code index} (an id, type or name that is null or empty never overwrites one already
 * seen; arguments are concatenated exactly) and ordered by index. Usage comes from whichever
 * chunk carries it, the last one winning; the id and model from the first chunk that names
 * them. The time to first token is taken at the first content, reasoning or tool-call piece.
 *
 * <p>Not thread-safe: fed by one thread at a time.
 *
 * @since 0.1
 */
public final class StreamAccumulator {
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final List<ChoiceState> choices = new ArrayList<>(1);
    private @Nullable String id;
    private @Nullable String model;
    private @Nullable Long created;
    private @Nullable Usage usage;
    private long firstTokenNanos = -1;

    /**
     * Creates an accumulator.
     *
     * @param nanoClock a monotonic clock in nanoseconds, such as {@code System::nanoTime}
     * @param startNanos the clock's reading when the call started
     */
    public StreamAccumulator(LongSupplier nanoClock, long startNanos) {
        this.nanoClock = nanoClock;
        this.startNanos = startNanos;
    }

    /**
     * Adds a chunk.
     *
     * @return whether this chunk carried the stream's first token
     */
    public boolean add(ChatChunk chunk) {
        id = id != null ? id : nonEmpty(chunk.id());
        model = model != null ? model : nonEmpty(chunk.model());
        created = created != null ? created : chunk.created();
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        boolean token = false;
        for (ChunkChoice delta : chunk.choices()) {
            token |= choice(delta.index()).add(delta);
        }
        if (token && firstTokenNanos < 0) {
            firstTokenNanos = nanoClock.getAsLong();
            return true;
        }
        return false;
    }

    /** Returns whether any choice has a finish reason. */
    public boolean hasFinishReason() {
        for (ChoiceState choice : choices) {
            if (choice.finishReason != null) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether a chunk carried usage. */
    public boolean hasUsage() {
        return usage != null;
    }

    /** Returns the first choice's content so far, or null when none arrived. */
    public @Nullable String partialContent() {
        for (ChoiceState choice : choices) {
            if (choice.index == 0 && choice.content != null) {
                return choice.content.toString();
            }
        }
        return null;
    }

    /** Returns the time from the start to the first token, or null before it. */
    public @Nullable Duration timeToFirstToken() {
        return firstTokenNanos < 0 ? null : Duration.ofNanos(firstTokenNanos - startNanos);
    }

    /** Returns the response accumulated so far, with the latency measured now. */
    public ChatResponse response() {
        List<ChoiceState> sorted = new ArrayList<>(choices);
        sorted.sort((a, b) -> Integer.compare(a.index, b.index));
        ChatResponse.Builder builder = ChatResponse.builder().id(id).model(model).created(created)
                .usage(usage).timeToFirstToken(timeToFirstToken())
                .latency(Duration.ofNanos(nanoClock.getAsLong() - startNanos));
        for (ChoiceState choice : sorted) {
            builder.addChoice(choice.build());
        }
        return builder.build();
    }

    private ChoiceState choice(int index) {
        for (ChoiceState choice : choices) {
            if (choice.index == index) {
                return choice;
            }
        }
        ChoiceState choice = new ChoiceState(index);
        choices.add(choice);
        return choice;
    }

    private static @Nullable String nonEmpty(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** One choice while it streams. */
    private static final class ChoiceState {
        final int index;
        @Nullable StringBuilder content;
        @Nullable StringBuilder reasoning;
        final List<ToolCallState> toolCalls = new ArrayList<>(0);
        @Nullable String finishReason;

        ChoiceState(int index) {
            this.index = index;
        }

        boolean add(ChunkChoice delta) {
            boolean token = append(delta.content(), true) | append(delta.reasoning(), false);
            for (ToolCallDelta call : delta.toolCalls()) {
                toolCall(call.index()).add(call);
                token = true;
            }
            if (delta.finishReason() != null && !delta.finishReason().isEmpty()) {
                finishReason = delta.finishReason();
            }
            return token;
        }

        private boolean append(@Nullable String piece, boolean isContent) {
            if (piece == null) {
                return false;
            }
            if (isContent) {
                content = (content == null ? new StringBuilder(256) : content).append(piece);
            } else {
                reasoning = (reasoning == null ? new StringBuilder(256) : reasoning).append(piece);
            }
            return !piece.isEmpty();
        }

        private ToolCallState toolCall(int callIndex) {
            for (ToolCallState call : toolCalls) {
                if (call.index == callIndex) {
                    return call;
                }
            }
            ToolCallState call = new ToolCallState(callIndex);
            toolCalls.add(call);
            return call;
        }

        Choice build() {
            List<ToolCallState> sorted = new ArrayList<>(toolCalls);
            sorted.sort((a, b) -> Integer.compare(a.index, b.index));
            List<ToolCall> calls = new ArrayList<>(sorted.size());
            for (ToolCallState call : sorted) {
                calls.add(call.build());
            }
            return new Choice(index, content == null ? null : content.toString(),
                    reasoning == null ? null : reasoning.toString(), null, calls, finishReason);
        }
    }

    /** One tool call while its pieces arrive. */
    private static final class ToolCallState {
        final int index;
        @Nullable String id;
        @Nullable String type;
        @Nullable String name;
        final StringBuilder arguments = new StringBuilder();

        ToolCallState(int index) {
            this.index = index;
        }

        void add(ToolCallDelta delta) {
            id = keep(id, delta.id());
            type = keep(type, delta.type());
            name = keep(name, delta.name());
            if (delta.arguments() != null) {
                arguments.append(delta.arguments());
            }
        }

        private static @Nullable String keep(@Nullable String current, @Nullable String next) {
            return next == null || next.isEmpty() ? current : next;
        }

        ToolCall build() {
            return new ToolCall(id == null ? "" : id, type == null ? "function" : type,
                    name == null ? "" : name, arguments.toString());
        }
    }
}
