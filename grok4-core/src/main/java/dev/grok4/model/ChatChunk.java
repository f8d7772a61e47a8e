package dev.grok4.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One {@code chat.completion.chunk} of a streamed response.
 *
 * <p>{@link #choices()} can be empty: OpenAI and xAI send usage in a last chunk with no choices.
 *
 * @since 0.1
 */
public final class ChatChunk {
    private final @Nullable String id;
    private final @Nullable String model;
    private final @Nullable Long created;
    private final List<ChunkChoice> choices;
    private final @Nullable Usage usage;

    /** Creates a chunk; absent fields are null. */
    public ChatChunk(@Nullable String id, @Nullable String model, @Nullable Long created,
            List<ChunkChoice> choices, @Nullable Usage usage) {
        this.id = id;
        this.model = model;
        this.created = created;
        this.choices = List.copyOf(choices);
        this.usage = usage;
    }

    /** Returns the stream's response id, or null. */
    public @Nullable String id() {
        return id;
    }

    /** Returns the model as answered, or null. */
    public @Nullable String model() {
        return model;
    }

    /** Returns the creation time in epoch seconds, or null. */
    public @Nullable Long created() {
        return created;
    }

    /** Returns the choice deltas; may be empty. */
    public List<ChunkChoice> choices() {
        return choices;
    }

    /** Returns the usage when this chunk carries it, otherwise null. */
    public @Nullable Usage usage() {
        return usage;
    }

    /** Returns the first choice's content piece, or the empty string. */
    public String content() {
        if (choices.isEmpty()) {
            return "";
        }
        String content = choices.get(0).content();
        return content == null ? "" : content;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ChatChunk c && Objects.equals(id, c.id)
                && Objects.equals(model, c.model) && Objects.equals(created, c.created)
                && choices.equals(c.choices) && Objects.equals(usage, c.usage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, model, created, choices, usage);
    }

    @Override
    public String toString() {
        return "ChatChunk[id=" + id + ", choices=" + choices.size() + ", usage=" + usage + "]";
    }
}
