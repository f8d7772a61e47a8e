package dev.grok4.internal.json;

import static dev.grok4.internal.json.Json.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The error a server described in its body, before redaction.
 *
 * <p>Two shapes are read: OpenAI's {@code {"error":{"message","type","param","code"}}}, where
 * {@code code} may be a string, an integer or null, and xAI's flat
 * {@code {"code":"...","error":"..."}}. A top-level {@code message} is read too.
 *
 * @param message the provider's message, or null
 * @param type the provider's error type, or null
 * @param code the provider's code as text, or null
 * @param param the parameter blamed, or null
 *
 * @since 0.1
 */
public record ProviderError(@Nullable String message, @Nullable String type,
        @Nullable String code, @Nullable String param) {

    static ProviderError read(JsonParser p) throws IOException {
        Json.requireObject(p, "The error body");
        ProviderError flat = new ProviderError(null, null, null, null);
        ProviderError nested = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "error" -> {
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        nested = readNested(p);
                    } else {
                        flat = flat.withMessage(text(p));
                    }
                }
                case "message" -> {
                    String message = text(p);
                    flat = flat.message == null ? flat.withMessage(message) : flat;
                }
                case "code" -> flat = flat.withCode(text(p));
                case "type" -> flat = flat.withType(text(p));
                default -> p.skipChildren();
            }
        }
        return nested == null ? flat : nested.orElse(flat);
    }

    private static ProviderError readNested(JsonParser p) throws IOException {
        String message = null;
        String type = null;
        String code = null;
        String param = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "message" -> message = text(p);
                case "type" -> type = text(p);
                case "code" -> code = text(p);
                case "param" -> param = text(p);
                default -> p.skipChildren();
            }
        }
        return new ProviderError(message, type, code, param);
    }

    private ProviderError withMessage(@Nullable String message) {
        return new ProviderError(message, type, code, param);
    }

    private ProviderError withCode(@Nullable String code) {
        return new ProviderError(message, type, code, param);
    }

    private ProviderError withType(@Nullable String type) {
        return new ProviderError(message, type, code, param);
    }

    private ProviderError orElse(ProviderError other) {
        return new ProviderError(message != null ? message : other.message,
                type != null ? type : other.type, code != null ? code : other.code,
                param != null ? param : other.param);
    }

    /** Returns whether the body described anything at all. */
    public boolean isEmpty() {
        return message == null && type == null && code == null && param == null;
    }
}
