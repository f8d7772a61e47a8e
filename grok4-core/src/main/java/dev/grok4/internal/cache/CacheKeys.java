package dev.grok4.internal.cache;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ContentPart;
import dev.grok4.model.Message;
import dev.grok4.model.ResponseFormat;
import dev.grok4.model.Tool;
import dev.grok4.model.ToolCall;
import dev.grok4.model.ToolChoice;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Computes cache keys: {@code <namespace>:<sha-256 hex>}, where the namespace is a fingerprint of
 * the API key (so tenants never share entries) and the digest covers the base URL and every
 * request field that can change the reply, in a canonical JSON form.
 *
 * <p>Canonical means: fields in a fixed order, unset fields written as null, maps sorted by key,
 * numbers written without trailing zeros ({@code 1.0} and {@code 1} are equal), strings exact.
 * {@link ChatRequest#cacheable()} is left out, as it does not change the reply. Thread-safe.
 */
public final class CacheKeys {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String ANONYMOUS = "anonymous";

    private final String namespace;
    private final String baseUrl;

    /**
     * Creates a key maker for one client.
     *
     * @param baseUrl the API base URL the client calls
     * @param apiKey the API key, or null when the client sends none; only a fingerprint is kept
     */
    public CacheKeys(String baseUrl, @Nullable String apiKey) {
        // The client calls {baseUrl without trailing slashes}/chat/completions, so a slash more
        // or less is the same endpoint and must give the same key (shared Redis caches).
        this.baseUrl = requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        this.namespace = namespaceOf(apiKey);
    }

    /**
     * Returns the namespace for an API key: the first 16 hex digits of its SHA-256, or
     * {@code anonymous} when there is no key.
     */
    public static String namespaceOf(@Nullable String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return ANONYMOUS;
        }
        byte[] digest = sha256().digest(apiKey.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /** Returns this client's namespace. */
    public String namespace() {
        return namespace;
    }

    /**
     * Returns the key for a request.
     *
     * @param request the request as the caller built it
     * @param resolvedModel the model the request will be sent to, after the default applied
     */
    public String key(ChatRequest request, String resolvedModel) {
        requireNonNull(resolvedModel, "resolvedModel");
        MessageDigest digest = sha256();
        try (JsonGenerator g = JSON.createGenerator(new DigestOutputStream(
                OutputStream.nullOutputStream(), digest))) {
            writeRequest(g, request, resolvedModel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return namespace + ":" + HexFormat.of().formatHex(digest.digest());
    }

    private void writeRequest(JsonGenerator g, ChatRequest r, String model) throws IOException {
        g.writeStartObject();
        g.writeStringField("base_url", baseUrl);
        g.writeStringField("model", model);
        g.writeArrayFieldStart("messages");
        for (Message m : r.messages()) {
            writeMessage(g, m);
        }
        g.writeEndArray();
        writeSampling(g, r);
        writeTools(g, r);
        g.writeFieldName("extra_body");
        writeValue(g, r.extraBody());
        g.writeEndObject();
    }

    private static void writeSampling(JsonGenerator g, ChatRequest r) throws IOException {
        writeNumber(g, "temperature", r.temperature());
        writeNumber(g, "top_p", r.topP());
        writeNumber(g, "presence_penalty", r.presencePenalty());
        writeNumber(g, "frequency_penalty", r.frequencyPenalty());
        writeNumber(g, "max_completion_tokens", r.maxCompletionTokens());
        writeNumber(g, "max_tokens", r.maxTokens());
        writeNumber(g, "seed", r.seed());
        writeNumber(g, "n", r.n());
        g.writeArrayFieldStart("stop");
        for (String s : r.stop()) {
            g.writeString(s);
        }
        g.writeEndArray();
        writeString(g, "user", r.user());
        writeString(g, "reasoning_effort", r.reasoningEffort());
        writeFormat(g, r.responseFormat());
    }

    private static void writeMessage(JsonGenerator g, Message m) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", m.role().wireName());
        writeString(g, "content", m.content());
        g.writeArrayFieldStart("parts");
        for (ContentPart p : m.parts()) {
            g.writeStartObject();
            g.writeStringField("type", p.type().name());
            writeString(g, "text", p.text());
            writeString(g, "image_url", p.imageUrl());
            writeString(g, "detail", p.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeString(g, "name", m.name());
        writeString(g, "tool_call_id", m.toolCallId());
        writeToolCalls(g, m.toolCalls());
        g.writeEndObject();
    }

    private static void writeToolCalls(JsonGenerator g, List<ToolCall> calls) throws IOException {
        g.writeArrayFieldStart("tool_calls");
        for (ToolCall c : calls) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("type", c.type());
            g.writeStringField("name", c.name());
            g.writeStringField("arguments", c.arguments());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeTools(JsonGenerator g, ChatRequest r) throws IOException {
        g.writeArrayFieldStart("tools");
        for (Tool t : r.tools()) {
            g.writeStartObject();
            g.writeStringField("name", t.name());
            writeString(g, "description", t.description());
            g.writeStringField("parameters", t.parametersJson());
            writeBoolean(g, "strict", t.strict());
            g.writeEndObject();
        }
        g.writeEndArray();
        ToolChoice choice = r.toolChoice();
        writeString(g, "tool_choice", choice == null ? null : choice.mode());
        writeString(g, "tool_choice_function", choice == null ? null : choice.functionName());
        writeBoolean(g, "parallel_tool_calls", r.parallelToolCalls());
    }

    private static void writeFormat(JsonGenerator g, @Nullable ResponseFormat f)
            throws IOException {
        g.writeFieldName("response_format");
        if (f == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("type", f.type());
        writeString(g, "name", f.schemaName());
        writeString(g, "schema", f.schemaJson());
        writeBoolean(g, "strict", f.strict());
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, @Nullable Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            writeMap(g, map);
        } else if (value instanceof Iterable<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                writeValue(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Number number) {
            g.writeNumber(canonicalNumber(number));
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            // Strings, and anything else the codec would send as its string form.
            g.writeString(value.toString());
        }
    }

    private static void writeMap(JsonGenerator g, Map<?, ?> map) throws IOException {
        TreeMap<String, @Nullable Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        g.writeStartObject();
        for (Map.Entry<String, @Nullable Object> e : sorted.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    /** Writes a number so that equal values of any type give equal text: 1, 1.0 and 1L → "1". */
    static String canonicalNumber(Number n) {
        BigDecimal d;
        if (n instanceof BigDecimal b) {
            d = b;
        } else if (n instanceof BigInteger i) {
            d = new BigDecimal(i);
        } else if (n instanceof Double || n instanceof Float) {
            double v = n.doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return Double.toString(v);
            }
            d = new BigDecimal(Double.toString(v));
        } else {
            d = BigDecimal.valueOf(n.longValue());
        }
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static void writeNumber(JsonGenerator g, String name, @Nullable Number value)
            throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(canonicalNumber(value));
        }
    }

    private static void writeString(JsonGenerator g, String name, @Nullable String value)
            throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    private static void writeBoolean(JsonGenerator g, String name, @Nullable Boolean value)
            throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeBoolean(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
