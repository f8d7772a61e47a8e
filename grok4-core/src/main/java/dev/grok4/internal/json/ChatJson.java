package dev.grok4.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.grok4.internal.stream.ChunkFrame;
import dev.grok4.internal.stream.ChunkParser;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.ModelInfo;
import dev.grok4.model.Usage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The chat-completions wire format, on Jackson's streaming API: no reflection on model types,
 * few allocations. Every method is thread-safe.
 *
 * <p>Readers throw {@link IOException} for text that is not JSON and
 * {@link MalformedJsonException} for JSON of the wrong shape; neither quotes the input.
 * Unknown fields at any depth and unknown values are skipped.
 *
 * @since 0.1
 */
public final class ChatJson {
    private ChatJson() {}

    /**
     * Encodes a request whose model is set.
     *
     * @param stream whether to add {@code "stream": true}
     * @param includeUsage with {@code stream}, whether to add {@code stream_options.include_usage}
     * @throws IllegalArgumentException if an extra body field collides with a standard one, holds
     *     a value JSON cannot represent, or a tool's parameters or a schema are not valid JSON
     */
    public static byte[] writeRequest(ChatRequest request, boolean stream, boolean includeUsage) {
        return RequestWriter.write(request, stream, includeUsage);
    }

    /** Decodes a {@code chat.completion} body. */
    public static ChatResponse readResponse(byte[] body) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(body)) {
            p.nextToken();
            return ResponseReader.readResponse(p);
        }
    }

    /**
     * Decodes the JSON of one {@code data:} line of a stream, with the same parser streams use.
     *
     * @throws IOException if the text is not a chunk, or is an error frame
     */
    public static ChatChunk readChunk(String json) throws IOException {
        ChunkFrame frame = ChunkParser.parse(json);
        if (frame.chunk() == null) {
            throw new IOException("The payload is an error frame, not a chunk");
        }
        return frame.chunk();
    }

    /**
     * Reads a {@code usage} object at the parser's current token: token counts, their details
     * and xAI's {@code cost_in_usd_ticks}. Returns null when the value is not an object.
     */
    public static @Nullable Usage readUsage(JsonParser p) throws IOException {
        return ResponseReader.readUsage(p);
    }

    /** Decodes a {@code GET /models} body: {@code {"data":[{"id","owned_by","created"}]}}. */
    public static List<ModelInfo> readModels(byte[] body) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(body)) {
            p.nextToken();
            return ResponseReader.readModels(p);
        }
    }

    /** Decodes an error body in OpenAI's or xAI's shape. */
    public static ProviderError readError(byte[] body) throws IOException {
        try (JsonParser p = Json.FACTORY.createParser(body)) {
            p.nextToken();
            return ProviderError.read(p);
        }
    }

    /**
     * Returns whether a successful body is really an error envelope: an object with an
     * {@code error} field and no {@code choices}. Some gateways answer errors with status 200.
     */
    public static boolean isErrorEnvelope(byte[] body) {
        try (JsonParser p = Json.FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            boolean error = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                if (field.equals("choices") || field.equals("data")) {
                    return false;
                }
                JsonToken value = p.nextToken();
                error |= field.equals("error") && value != JsonToken.VALUE_NULL;
                p.skipChildren();
            }
            return error;
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns the UTF-8 text of a body. */
    public static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
