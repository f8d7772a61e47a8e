package dev.grok4.internal.json;

import static dev.grok4.internal.json.Json.integer;
import static dev.grok4.internal.json.Json.longValue;
import static dev.grok4.internal.json.Json.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Choice;
import dev.grok4.model.ModelInfo;
import dev.grok4.model.ToolCall;
import dev.grok4.model.ToolCallDelta;
import dev.grok4.model.Usage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads chat-completions responses, stream chunks and model lists. Unknown fields at any depth
 * are skipped. Stateless.
 */
final class ResponseReader {
    private ResponseReader() {}

    static ChatResponse readResponse(JsonParser p) throws IOException {
        Json.requireObject(p, "The response");
        ChatResponse.Builder b = ChatResponse.builder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> b.id(text(p));
                case "model" -> b.model(text(p));
                case "created" -> b.created(longValue(p));
                case "system_fingerprint" -> b.systemFingerprint(text(p));
                case "choices" -> b.choices(readArray(p, ResponseReader::readChoice));
                case "usage" -> b.usage(readUsage(p));
                default -> p.skipChildren();
            }
        }
        return b.build();
    }

    static List<ModelInfo> readModels(JsonParser p) throws IOException {
        Json.requireObject(p, "The model list");
        List<ModelInfo> models = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals("data") || field.equals("models")) {
                models = readArray(p, ResponseReader::readModel);
            } else {
                p.skipChildren();
            }
        }
        return models;
    }

    private static @Nullable ModelInfo readModel(JsonParser p) throws IOException {
        String id = null;
        String ownedBy = null;
        Long created = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = text(p);
                case "owned_by" -> ownedBy = text(p);
                case "created" -> created = longValue(p);
                default -> p.skipChildren();
            }
        }
        return id == null ? null : new ModelInfo(id, ownedBy, created);
    }

    private static Choice readChoice(JsonParser p) throws IOException {
        int index = 0;
        String finishReason = null;
        MessageFields message = new MessageFields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "index" -> index = orZero(integer(p));
                case "finish_reason" -> finishReason = text(p);
                case "message" -> message.read(p);
                default -> p.skipChildren();
            }
        }
        List<ToolCall> calls = new ArrayList<>(message.toolCalls.size());
        for (ToolCallDelta d : message.toolCalls) {
            calls.add(new ToolCall(orEmpty(d.id()), d.type() == null ? "function" : d.type(),
                    orEmpty(d.name()), orEmpty(d.arguments())));
        }
        return new Choice(index, message.content, message.reasoning, message.refusal, calls,
                finishReason);
    }

    /** The fields of a message or a delta; tool calls are read as deltas in both cases. */
    private static final class MessageFields {
        @Nullable String role;
        @Nullable String content;
        @Nullable String reasoning;
        @Nullable String refusal;
        List<ToolCallDelta> toolCalls = List.of();

        void read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "role" -> role = text(p);
                    case "content" -> content = readContent(p);
                    case "reasoning_content" -> reasoning = firstNonNull(text(p), reasoning);
                    case "reasoning" -> reasoning = firstNonNull(reasoning, text(p));
                    case "refusal" -> refusal = text(p);
                    case "tool_calls" -> toolCalls = readArray(p, ResponseReader::readToolCall);
                    default -> p.skipChildren();
                }
            }
        }
    }

    /** Reads content given as text, or as an array of text parts (some gateways do that). */
    private static @Nullable String readContent(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            return text(p);
        }
        StringBuilder text = new StringBuilder();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                readPartText(p, text);
            } else {
                p.skipChildren();
            }
        }
        return text.toString();
    }

    private static void readPartText(JsonParser p, StringBuilder out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            String value = field.equals("text") ? text(p) : null;
            if (value != null) {
                out.append(value);
            } else {
                p.skipChildren();
            }
        }
    }

    private static ToolCallDelta readToolCall(JsonParser p) throws IOException {
        int index = 0;
        String id = null;
        String type = null;
        String[] function = new String[2];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "index" -> index = orZero(integer(p));
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
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "name" -> nameAndArguments[0] = text(p);
                case "arguments" -> nameAndArguments[1] = Json.rawText(p);
                default -> p.skipChildren();
            }
        }
    }

    static @Nullable Usage readUsage(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Integer prompt = null;
        Integer completion = null;
        Integer total = null;
        Integer[] details = new Integer[2];
        Long ticks = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "prompt_tokens" -> prompt = integer(p);
                case "completion_tokens" -> completion = integer(p);
                case "total_tokens" -> total = integer(p);
                case "prompt_tokens_details" -> details[1] = detail(p, "cached_tokens");
                case "completion_tokens_details" -> details[0] = detail(p, "reasoning_tokens");
                case "cost_in_usd_ticks" -> ticks = longValue(p);
                default -> p.skipChildren();
            }
        }
        return new Usage(prompt, completion, total, details[0], details[1], ticks);
    }

    private static @Nullable Integer detail(JsonParser p, String name) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Integer value = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (field.equals(name)) {
                value = integer(p);
            } else {
                p.skipChildren();
            }
        }
        return value;
    }

    /** Reads one array element; the parser is on its first token. */
    @FunctionalInterface
    interface ElementReader<T> {
        @Nullable T read(JsonParser p) throws IOException;
    }

    /** Reads an array of objects, skipping elements that are not objects or read as null. */
    static <T> List<T> readArray(JsonParser p, ElementReader<T> reader) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<T> items = new ArrayList<>(2);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            T item = reader.read(p);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private static int orZero(@Nullable Integer value) {
        return value == null ? 0 : value;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String firstNonNull(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }
}
