package dev.grok4.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a tool call inside a stream chunk. Pieces with the same {@link #index()} belong to
 * one call: the id and name usually arrive once, and the arguments whole or in fragments.
 *
 * @since 0.1
 */
public final class ToolCallDelta {
    private final int index;
    private final @Nullable String id;
    private final @Nullable String type;
    private final @Nullable String name;
    private final @Nullable String arguments;

    /** Creates a tool-call piece; absent fields are null. */
    public ToolCallDelta(int index, @Nullable String id, @Nullable String type,
            @Nullable String name, @Nullable String arguments) {
        this.index = index;
        this.id = id;
        this.type = type;
        this.name = name;
        this.arguments = arguments;
    }

    /** Returns the position of the call this piece belongs to. */
    public int index() {
        return index;
    }

    /** Returns the call id, or null when this piece has none. */
    public @Nullable String id() {
        return id;
    }

    /** Returns the call type, or null. */
    public @Nullable String type() {
        return type;
    }

    /** Returns the function name, or null when this piece has none. */
    public @Nullable String name() {
        return name;
    }

    /** Returns this piece of the arguments text, or null. */
    public @Nullable String arguments() {
        return arguments;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ToolCallDelta d && index == d.index && Objects.equals(id, d.id)
                && Objects.equals(type, d.type) && Objects.equals(name, d.name)
                && Objects.equals(arguments, d.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, type, name, arguments);
    }

    @Override
    public String toString() {
        return "ToolCallDelta[index=" + index + ", id=" + id + ", name=" + name + "]";
    }
}
