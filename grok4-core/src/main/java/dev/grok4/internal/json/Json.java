package dev.grok4.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import org.jspecify.annotations.Nullable;

/**
 * The shared {@link JsonFactory} and the lenient value readers every decoder here uses.
 *
 * <p>The readers never fail on a value of an unexpected type: a server that sends an object
 * where a string was expected gets the field skipped, so a new provider quirk degrades to a
 * missing value instead of a failed call. Thread-safe.
 *
 * @since 0.1
 */
public final class Json {
    /** The one factory; parsers and generators from it are cheap and not shared. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Json() {}

    /** Reads the current value as text: strings as they are, other scalars as written. */
    public static @Nullable String text(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token.isStructStart()) {
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    /** Reads the current value as an int, or null when absent or not a number. */
    public static @Nullable Integer integer(JsonParser p) throws IOException {
        Long value = longValue(p);
        return value == null ? null : (int) Math.max(Integer.MIN_VALUE,
                Math.min(Integer.MAX_VALUE, value));
    }

    /** Reads the current value as a long, or null when absent or not a number. */
    public static @Nullable Long longValue(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) p.getDoubleValue();
        }
        if (token != null && token.isStructStart()) {
            p.skipChildren();
        }
        return null;
    }

    /** Reads the current value as a boolean, or null. */
    public static @Nullable Boolean bool(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        if (token != null && token.isStructStart()) {
            p.skipChildren();
        }
        return null;
    }

    /**
     * Reads the current value as raw JSON text: a string's content as it is, any other value
     * re-serialized compactly. Used for tool-call arguments, which some servers send as objects.
     */
    public static @Nullable String rawText(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == null || token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }

    /**
     * Copies a JSON document given as text into a generator, checking it is well-formed.
     *
     * @throws IllegalArgumentException naming {@code what} when the text is not one JSON value
     */
    public static void copyRaw(JsonGenerator g, String json, String what) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) {
                throw new IllegalArgumentException(what + " is empty; expected JSON text");
            }
            g.copyCurrentStructure(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException(what + " has text after its JSON value");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Fails unless the parser is on the start of an object. */
    static void requireObject(JsonParser p, String what) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedJsonException(what + " is not a JSON object");
        }
    }
}
