package dev.grok4.model;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The format the reply must take: free text, any JSON object, or JSON matching a schema.
 *
 * @since 0.1
 */
public final class ResponseFormat {
    private static final ResponseFormat TEXT = new ResponseFormat("text", null, null, null);
    private static final ResponseFormat JSON_OBJECT =
            new ResponseFormat("json_object", null, null, null);

    private final String type;
    private final @Nullable String schemaName;
    private final @Nullable String schemaJson;
    private final @Nullable Boolean strict;

    private ResponseFormat(String type, @Nullable String schemaName, @Nullable String schemaJson,
            @Nullable Boolean strict) {
        this.type = type;
        this.schemaName = schemaName;
        this.schemaJson = schemaJson;
        this.strict = strict;
    }

    /** Free text, the server's default. */
    public static ResponseFormat text() {
        return TEXT;
    }

    /** Any valid JSON object ("JSON mode"). */
    public static ResponseFormat jsonObject() {
        return JSON_OBJECT;
    }

    /**
     * JSON that matches a schema.
     *
     * @param name a name for the schema, letters, digits, underscores and dashes
     * @param schemaJson the JSON schema, as JSON text
     * @param strict whether the server must follow the schema exactly
     */
    public static ResponseFormat jsonSchema(String name, String schemaJson, boolean strict) {
        return new ResponseFormat("json_schema", requireNonNull(name, "name"),
                requireNonNull(schemaJson, "schemaJson"), strict);
    }

    /** Returns {@code text}, {@code json_object} or {@code json_schema}. */
    public String type() {
        return type;
    }

    /** Returns the schema name of a {@code json_schema} format, otherwise null. */
    public @Nullable String schemaName() {
        return schemaName;
    }

    /** Returns the schema of a {@code json_schema} format as JSON text, otherwise null. */
    public @Nullable String schemaJson() {
        return schemaJson;
    }

    /** Returns the strict flag of a {@code json_schema} format, otherwise null. */
    public @Nullable Boolean strict() {
        return strict;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ResponseFormat f && type.equals(f.type)
                && Objects.equals(schemaName, f.schemaName)
                && Objects.equals(schemaJson, f.schemaJson) && Objects.equals(strict, f.strict);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, schemaName, schemaJson, strict);
    }

    @Override
    public String toString() {
        return schemaName == null ? type : type + ":" + schemaName;
    }
}
