package dev.grok4.model;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A function the model may call.
 *
 * @since 0.1
 */
public final class Tool {
    private final String name;
    private final @Nullable String description;
    private final String parametersJson;
    private final @Nullable Boolean strict;

    private Tool(String name, @Nullable String description, String parametersJson,
            @Nullable Boolean strict) {
        this.name = requireNonNull(name, "name");
        this.description = description;
        this.parametersJson = requireNonNull(parametersJson, "parametersJson");
        this.strict = strict;
    }

    /**
     * Returns a function tool.
     *
     * @param name the function name the model will call
     * @param description what the function does, or null
     * @param parametersJson the JSON schema of the arguments object, as JSON text
     */
    public static Tool function(String name, @Nullable String description, String parametersJson) {
        return new Tool(name, description, parametersJson, null);
    }

    /** Returns a copy that asks the server to follow the schema strictly. */
    public Tool strict(boolean strict) {
        return new Tool(name, description, parametersJson, strict);
    }

    /** Returns the function name. */
    public String name() {
        return name;
    }

    /** Returns the description, or null. */
    public @Nullable String description() {
        return description;
    }

    /** Returns the JSON schema of the arguments, as JSON text. */
    public String parametersJson() {
        return parametersJson;
    }

    /** Returns the strict flag, or null when not sent. */
    public @Nullable Boolean strict() {
        return strict;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Tool t && name.equals(t.name)
                && Objects.equals(description, t.description)
                && parametersJson.equals(t.parametersJson) && Objects.equals(strict, t.strict);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, parametersJson, strict);
    }

    @Override
    public String toString() {
        return "Tool[" + name + "]";
    }
}
