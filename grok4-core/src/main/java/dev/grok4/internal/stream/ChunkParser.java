package dev.grok4.internal.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.grok4.internal.json.ChatJson;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChunkChoice;
import dev.grok4.model.ToolCallDelta;
import dev.grok4.model.Usage;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one {@code chat.completion.chunk} payload with Jackson's streaming parser, straight from
 * the bytes, skipping fields it does not know at any depth.
 *
 * <p>Knows {@code id}, {@code model}, {@code created}, {@code choices[].index},
 * {@code choices[].delta} (or {@code message}) with {@code role}, {@code content},
 * {@code reasoning_content} or {@code reasoning}, and {@code tool_calls[]} ({@code index},
 * {@code id}, {@code type}, {@code function.name}, {@code function.arguments}),
 * {@code choices[].finish_reason}, and {@code usage} with its token details and xAI's
 * {@code cost_in_usd_ticks}. A top-level {@code error} makes the payload an error frame.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ChunkParser {
    private static final JsonFactory JSON = new JsonFactory();

    private ChunkParser() {}

    /**
     * Parses one payload.
     *
     * @throws IOException if the bytes are not a JSON object
     */
    public static ChunkFrame parse(byte[] data, int offset, int length) throws IOException {
        try (JsonParser p = JSON.createParser(data, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "A stream chunk must be a JSON object");
            }
            return readFrame(p);
        }
    }

    /** Parses a payload given as text; for tests and whole JSON bodies. */
    public static ChunkFrame parse(String json) throws IOException {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    private static ChunkFrame readFrame(JsonParser p) throws IOException {
        String id = null;
        String model = null;
        Long created = null;
        List<ChunkChoice> choices = List.of();
        Usage usage = null;
        ErrorFrame error = null;
        String code = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            switch (name) {
                case "id" -> id = text(p);
                case "model" -> model = text(p);
                case "created" -> created = token.isNumeric() ? p.getValueAsLong() : null;
                case "choices" -> choices = readChoices(p);
                case "usage" -> usage = ChatJson.readUsage(p);
                case "error" -> error = readError(p);
                case "code" -> code = text(p);
                default -> p.skipChildren();
            }
        }
        if (error != null) {
            boolean flat = error.code() == null && code != null;
            return new ChunkFrame(null, flat ? new ErrorFrame(error.message(), error.type(), code,
                    error.param()) : error);
        }
        return new ChunkFrame(new ChatChunk(id, model, created, choices, usage), null);
    }

    private static List<ChunkChoice> readChoices(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        ChunkChoice first = null;
        List<ChunkChoice> more = null;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            ChunkChoice choice = readChoice(p);
            if (choice == null) {
                continue;
            }
            if (first == null) {
                first = choice;
            } else {
                more = more == null ? new ArrayList<>(List.of(first)) : more;
                more.add(choice);
            }
        }
        return more != null ? more : first != null ? List.of(first) : List.of();
    }

    private static @Nullable ChunkChoice readChoice(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        int index = 0;
        String finishReason = null;
        Delta delta = Delta.EMPTY;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "index" -> index = p.getValueAsInt(0);
                case "finish_reason" -> finishReason = text(p);
                case "delta", "message" -> delta = readDelta(p);
                default -> p.skipChildren();
            }
        }
        return new ChunkChoice(index, delta.role, delta.content, delta.reasoning,
                delta.toolCalls, finishReason);
    }

    private static Delta readDelta(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return Delta.EMPTY;
        }
        Delta d = new Delta();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "role" -> d.role = text(p);
                case "content" -> d.content = text(p);
                case "reasoning_content" -> d.reasoning = firstNonNull(text(p), d.reasoning);
                case "reasoning" -> d.reasoning = firstNonNull(d.reasoning, text(p));
                case "tool_calls" -> d.toolCalls = readToolCalls(p);
                default -> p.skipChildren();
            }
        }
        return d;
    }

    private static List<ToolCallDelta> readToolCalls(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<ToolCallDelta> calls = new ArrayList<>(1);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                calls.add(readToolCall(p, calls.size()));
            } else {
                p.skipChildren();
            }
        }
        return calls;
    }

    private static ToolCallDelta readToolCall(JsonParser p, int position) throws IOException {
        int index = position;
        String id = null;
        String type = null;
        String[] function = {null, null};
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            switch (name) {
                case "index" -> index = token.isNumeric() ? p.getValueAsInt(position) : position;
                case "id" -> id = text(p);
                case "type" -> type = text(p);
                case "function" -> readFunction(p, function);
                default -> p.skipChildren();
            }
        }
        return new ToolCallDelta(index, id, type, function[0], function[1]);
    }

    private static void readFunction(JsonParser p, @Nullable String[] nameAndArguments)
            throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            if (name.equals("name")) {
                nameAndArguments[0] = text(p);
            } else if (name.equals("arguments")) {
                nameAndArguments[1] = token.isStructStart() ? rawJson(p) : text(p);
            } else {
                p.skipChildren();
            }
        }
    }

    private static @Nullable ErrorFrame readError(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            return new ErrorFrame(text(p), null, null, null);
        }
        String[] fields = new String[4];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "message" -> fields[0] = text(p);
                case "type" -> fields[1] = text(p);
                case "code" -> fields[2] = text(p);
                case "param" -> fields[3] = text(p);
                default -> p.skipChildren();
            }
        }
        return new ErrorFrame(fields[0], fields[1], fields[2], fields[3]);
    }

    /** Returns a scalar as text (numbers too), null for JSON null; skips objects and arrays. */
    private static @Nullable String text(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (token.isStructStart()) {
            p.skipChildren();
            return null;
        }
        return token == JsonToken.VALUE_NULL ? null : p.getValueAsString();
    }

    private static @Nullable Integer integer(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token.isNumeric()) {
            return p.getValueAsInt();
        }
        p.skipChildren();
        return null;
    }

    private static String rawJson(JsonParser p) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.copyCurrentStructure(p);
        }
        return out.toString();
    }

    private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

    /** The fields of one delta while it is read. */
    private static final class Delta {
        static final Delta EMPTY = new Delta();

        @Nullable String role;
        @Nullable String content;
        @Nullable String reasoning;
        List<ToolCallDelta> toolCalls = List.of();
    }
}
