package dev.grok4.model;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A function call the model asks the application to make.
 *
 * @since 0.1
 */
public final class ToolCall {
    private final String id;
    private final String type;
    private final String name;
    private final String arguments;

    /**
     * Creates a tool call.
     *
     * @param id the call id the tool result must quote; may be empty, as some servers send
     * @param name the function name
     * @param arguments the arguments as the JSON text the server sent, unchanged
     */
    public ToolCall(String id, String name, String arguments) {
        this(id, "function", name, arguments);
    }

    /** Creates a tool call of the given type (the API only defines {@code "function"}). */
    public ToolCall(String id, String type, String name, String arguments) {
        this.id = requireNonNull(id, "id");
        this.type = requireNonNull(type, "type");
        this.name = requireNonNull(name, "name");
        this.arguments = requireNonNull(arguments, "arguments");
    }

    /** Returns the call id, possibly empty. */
    public String id() {
        return id;
    }

    /** Returns the call type, normally {@code "function"}. */
    public String type() {
        return type;
    }

    /** Returns the function name. */
    public String name() {
        return name;
    }

    /** Returns the arguments as the exact JSON text the server sent. */
    public String arguments() {
        return arguments;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ToolCall c && id.equals(c.id) && type.equals(c.type)
                && name.equals(c.name) && arguments.equals(c.arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, type, name, arguments);
    }

    @Override
    public String toString() {
        return "ToolCall[id=" + id + ", name=" + name + "]";
    }
}
