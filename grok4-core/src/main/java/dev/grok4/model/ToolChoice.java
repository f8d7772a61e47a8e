package dev.grok4.model;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Whether and which tool the model must call.
 *
 * @since 0.1
 */
public final class ToolChoice {
    private static final ToolChoice AUTO = new ToolChoice("auto", null);
    private static final ToolChoice NONE = new ToolChoice("none", null);
    private static final ToolChoice REQUIRED = new ToolChoice("required", null);

    private final String mode;
    private final @Nullable String functionName;

    private ToolChoice(String mode, @Nullable String functionName) {
        this.mode = mode;
        this.functionName = functionName;
    }

    /** The model decides. */
    public static ToolChoice auto() {
        return AUTO;
    }

    /** The model must not call a tool. */
    public static ToolChoice none() {
        return NONE;
    }

    /** The model must call at least one tool. */
    public static ToolChoice required() {
        return REQUIRED;
    }

    /** The model must call the named function. */
    public static ToolChoice function(String name) {
        return new ToolChoice("function", requireNonNull(name, "name"));
    }

    /** Returns {@code auto}, {@code none}, {@code required} or {@code function}. */
    public String mode() {
        return mode;
    }

    /** Returns the forced function's name when the mode is {@code function}, otherwise null. */
    public @Nullable String functionName() {
        return functionName;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ToolChoice c && mode.equals(c.mode)
                && Objects.equals(functionName, c.functionName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, functionName);
    }

    @Override
    public String toString() {
        return functionName == null ? mode : "function:" + functionName;
    }
}
