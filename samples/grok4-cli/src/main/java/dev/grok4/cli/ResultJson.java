package dev.grok4.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.grok4.Grok4Exception;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Cost;
import dev.grok4.model.ToolCall;
import dev.grok4.model.Usage;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * The CLI's JSON output. The chat object's keys are a contract for scripts: absent values are
 * null, {@code tool_calls} is {@code []} when there are none, {@code arguments} is the server's
 * exact text, and numbers are as the server sent them. Keys may be added, never removed.
 */
final class ResultJson {
    private static final JsonFactory JSON = new JsonFactory();

    private ResultJson() {}

    /** Returns the chat object for a response. */
    static String of(ChatResponse response) {
        return write(g -> writeChat(g, response));
    }

    /** Returns the failure object of a batch line. */
    static String of(Grok4Exception failure) {
        return write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("type", failure.kind().wireName());
            if (failure.status() > 0) {
                g.writeNumberField("status", failure.status());
            } else {
                g.writeNullField("status");
            }
            g.writeStringField("message", ErrorReporter.oneLine(failure.getMessage()));
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    static void writeChat(JsonGenerator g, ChatResponse response) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", response.model());
        g.writeStringField("content", response.choices().isEmpty()
                ? null : response.choices().get(0).content());
        g.writeStringField("reasoning", response.reasoning());
        g.writeStringField("finish_reason", response.finishReason());
        writeToolCalls(g, response);
        writeUsage(g, response.usage());
        g.writeStringField("source", response.source().wireName());
        g.writeNumberField("attempts", response.attempts());
        g.writeNumberField("latency_ms", response.latency().toMillis());
        g.writeStringField("requested_model", response.requestedModel());
        writeCost(g, response.cost());
        g.writeEndObject();
    }

    private static void writeToolCalls(JsonGenerator g, ChatResponse response)
            throws IOException {
        g.writeArrayFieldStart("tool_calls");
        for (ToolCall call : response.toolCalls()) {
            g.writeStartObject();
            g.writeStringField("id", call.id());
            g.writeStringField("name", call.name());
            g.writeStringField("arguments", call.arguments());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeUsage(JsonGenerator g, @Nullable Usage usage) throws IOException {
        if (usage == null) {
            g.writeNullField("usage");
            return;
        }
        g.writeObjectFieldStart("usage");
        writeNumber(g, "prompt_tokens", usage.promptTokens());
        writeNumber(g, "completion_tokens", usage.completionTokens());
        writeNumber(g, "reasoning_tokens", usage.reasoningTokens());
        writeNumber(g, "cached_tokens", usage.cachedTokens());
        writeNumber(g, "total_tokens", usage.totalTokens());
        g.writeEndObject();
    }

    private static void writeCost(JsonGenerator g, @Nullable Cost cost) throws IOException {
        if (cost == null) {
            g.writeNullField("cost");
            return;
        }
        g.writeObjectFieldStart("cost");
        g.writeNumberField("usd", cost.usd());
        g.writeNumberField("jpy", cost.jpy());
        g.writeEndObject();
    }

    private static void writeNumber(JsonGenerator g, String name, @Nullable Integer value)
            throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    /** Writes one JSON document to a string. */
    static String write(JsonWriter writer) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Writes JSON to a generator. */
    interface JsonWriter {
        void write(JsonGenerator g) throws IOException;
    }
}
