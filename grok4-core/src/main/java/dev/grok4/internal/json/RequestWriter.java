package dev.grok4.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ContentPart;
import dev.grok4.model.Message;
import dev.grok4.model.ResponseFormat;
import dev.grok4.model.Tool;
import dev.grok4.model.ToolCall;
import dev.grok4.model.ToolChoice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Writes a {@link ChatRequest} as a chat-completions JSON body. Stateless. */
final class RequestWriter {
    /** Top-level fields this writer owns; an extra body field may not reuse one. */
    static final Set<String> STANDARD_FIELDS = Set.of("model", "messages", "temperature", "top_p",
            "presence_penalty", "frequency_penalty", "max_completion_tokens", "max_tokens", "seed",
            "n", "stop", "user", "tools", "tool_choice", "parallel_tool_calls", "response_format",
            "reasoning_effort", "stream", "stream_options");

    private RequestWriter() {}

    static byte[] write(ChatRequest request, boolean stream, boolean includeUsage) {
        checkExtraBody(request.extraBody());
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + 64 * request.messages().size());
        try (JsonGenerator g = Json.FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            writeStandard(g, request);
            if (stream) {
                g.writeBooleanField("stream", true);
                writeStreamOptions(g, includeUsage);
            }
            for (Map.Entry<String, @Nullable Object> e : request.extraBody().entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue(), e.getKey());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void checkExtraBody(Map<String, @Nullable Object> extraBody) {
        for (String name : extraBody.keySet()) {
            if (STANDARD_FIELDS.contains(name)) {
                throw new IllegalArgumentException("The extra body field '" + name
                        + "' collides with a standard parameter; set it with its own"
                        + " ChatRequest.Builder method instead of extraBody");
            }
        }
    }

    private static void writeStreamOptions(JsonGenerator g, boolean includeUsage)
            throws IOException {
        if (includeUsage) {
            g.writeObjectFieldStart("stream_options");
            g.writeBooleanField("include_usage", true);
            g.writeEndObject();
        }
    }

    private static void writeStandard(JsonGenerator g, ChatRequest r) throws IOException {
        stringField(g, "model", r.model());
        g.writeArrayFieldStart("messages");
        for (Message message : r.messages()) {
            writeMessage(g, message);
        }
        g.writeEndArray();
        numberField(g, "temperature", r.temperature());
        numberField(g, "top_p", r.topP());
        numberField(g, "presence_penalty", r.presencePenalty());
        numberField(g, "frequency_penalty", r.frequencyPenalty());
        numberField(g, "max_completion_tokens", r.maxCompletionTokens());
        numberField(g, "max_tokens", r.maxTokens());
        numberField(g, "seed", r.seed());
        numberField(g, "n", r.n());
        writeStop(g, r);
        stringField(g, "user", r.user());
        writeTools(g, r);
        writeToolChoice(g, r.toolChoice());
        if (r.parallelToolCalls() != null) {
            g.writeBooleanField("parallel_tool_calls", r.parallelToolCalls());
        }
        writeResponseFormat(g, r.responseFormat());
        stringField(g, "reasoning_effort", r.reasoningEffort());
    }

    private static void writeMessage(JsonGenerator g, Message m) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", m.role().wireName());
        if (!m.parts().isEmpty()) {
            writeParts(g, m);
        } else if (m.content() != null || m.toolCalls().isEmpty()) {
            g.writeStringField("content", m.content() == null ? "" : m.content());
        } else {
            g.writeNullField("content");
        }
        stringField(g, "name", m.name());
        stringField(g, "tool_call_id", m.toolCallId());
        if (!m.toolCalls().isEmpty()) {
            writeToolCalls(g, m);
        }
        g.writeEndObject();
    }

    private static void writeParts(JsonGenerator g, Message m) throws IOException {
        g.writeArrayFieldStart("content");
        for (ContentPart part : m.parts()) {
            g.writeStartObject();
            if (part.type() == ContentPart.Type.TEXT) {
                g.writeStringField("type", "text");
                g.writeStringField("text", part.text());
            } else {
                g.writeStringField("type", "image_url");
                g.writeObjectFieldStart("image_url");
                g.writeStringField("url", part.imageUrl());
                stringField(g, "detail", part.detail());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeToolCalls(JsonGenerator g, Message m) throws IOException {
        g.writeArrayFieldStart("tool_calls");
        for (ToolCall call : m.toolCalls()) {
            g.writeStartObject();
            g.writeStringField("id", call.id());
            g.writeStringField("type", call.type());
            g.writeObjectFieldStart("function");
            g.writeStringField("name", call.name());
            g.writeStringField("arguments", call.arguments());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeStop(JsonGenerator g, ChatRequest r) throws IOException {
        if (r.stop().isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("stop");
        for (String stop : r.stop()) {
            g.writeString(stop);
        }
        g.writeEndArray();
    }

    private static void writeTools(JsonGenerator g, ChatRequest r) throws IOException {
        if (r.tools().isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("tools");
        for (Tool tool : r.tools()) {
            g.writeStartObject();
            g.writeStringField("type", "function");
            g.writeObjectFieldStart("function");
            g.writeStringField("name", tool.name());
            stringField(g, "description", tool.description());
            g.writeFieldName("parameters");
            Json.copyRaw(g, tool.parametersJson(), "The parameters of tool '" + tool.name() + "'");
            if (tool.strict() != null) {
                g.writeBooleanField("strict", tool.strict());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeToolChoice(JsonGenerator g, @Nullable ToolChoice choice)
            throws IOException {
        if (choice == null) {
            return;
        }
        if (choice.functionName() == null) {
            g.writeStringField("tool_choice", choice.mode());
            return;
        }
        g.writeObjectFieldStart("tool_choice");
        g.writeStringField("type", "function");
        g.writeObjectFieldStart("function");
        g.writeStringField("name", choice.functionName());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeResponseFormat(JsonGenerator g, @Nullable ResponseFormat format)
            throws IOException {
        if (format == null) {
            return;
        }
        g.writeObjectFieldStart("response_format");
        g.writeStringField("type", format.type());
        if (format.schemaJson() != null) {
            g.writeObjectFieldStart("json_schema");
            g.writeStringField("name", format.schemaName());
            g.writeFieldName("schema");
            Json.copyRaw(g, format.schemaJson(), "The schema '" + format.schemaName() + "'");
            if (format.strict() != null) {
                g.writeBooleanField("strict", format.strict());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void stringField(JsonGenerator g, String name, @Nullable String value)
            throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void numberField(JsonGenerator g, String name, @Nullable Number value)
            throws IOException {
        if (value != null) {
            g.writeFieldName(name);
            writeNumber(g, value);
        }
    }

    private static void writeNumber(JsonGenerator g, Number n) throws IOException {
        if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
            g.writeNumber(n.intValue());
        } else if (n instanceof Long) {
            g.writeNumber(n.longValue());
        } else if (n instanceof BigInteger big) {
            g.writeNumber(big);
        } else if (n instanceof BigDecimal big) {
            g.writeNumber(big);
        } else if (n instanceof Float f) {
            g.writeNumber(f);
        } else {
            g.writeNumber(n.doubleValue());
        }
    }

    /** Writes a JSON-compatible value of an extra body field. */
    private static void writeValue(JsonGenerator g, @Nullable Object value, String field)
            throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof CharSequence || value instanceof Character
                || value instanceof Enum<?>) {
            g.writeString(value.toString());
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Number n) {
            checkFinite(n, field);
            writeNumber(g, n);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(g, map, field);
        } else if (value instanceof Iterable<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                writeValue(g, item, field);
            }
            g.writeEndArray();
        } else if (value instanceof Object[] items) {
            writeValue(g, java.util.Arrays.asList(items), field);
        } else if (value instanceof com.fasterxml.jackson.core.TreeNode tree) {
            Json.copyRaw(g, tree.toString(), "The extra body field '" + field + "'");
        } else {
            throw new IllegalArgumentException("The extra body field '" + field
                    + "' holds a " + value.getClass().getName() + "; expected a string, number,"
                    + " boolean, null, list or map");
        }
    }

    private static void writeMap(JsonGenerator g, Map<?, ?> map, String field)
            throws IOException {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            g.writeFieldName(String.valueOf(e.getKey()));
            writeValue(g, e.getValue(), field);
        }
        g.writeEndObject();
    }

    private static void checkFinite(Number n, String field) {
        if ((n instanceof Double d && !Double.isFinite(d))
                || (n instanceof Float f && !Float.isFinite(f))) {
            throw new IllegalArgumentException("The extra body field '" + field + "' holds " + n
                    + ", which JSON cannot represent; expected a finite number");
        }
    }
}
