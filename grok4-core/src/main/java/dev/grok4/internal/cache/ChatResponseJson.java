package dev.grok4.internal.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Choice;
import dev.grok4.model.ToolCall;
import dev.grok4.model.Usage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads the JSON form of a cached {@link ChatResponse}: what the server answered
 * (id, model, created, fingerprint, choices with tool calls, usage) and the model that was
 * requested. What the client observed during the call (latency, attempts, cost) is not kept.
 *
 * <p>The form carries a version, {@code "v": 1}; a value of another version is rejected, so a
 * future format change reads as a miss instead of a wrong answer. Thread-safe.
 */
public final class ChatResponseJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int VERSION = 1;

    private ChatResponseJson() {}

    /** Returns the JSON text of a response. */
    public static String write(ChatResponse response) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("v", VERSION);
        root.put("id", response.id());
        root.put("model", response.model());
        root.put("created", response.created());
        root.put("system_fingerprint", response.systemFingerprint());
        root.put("requested_model", response.requestedModel());
        ArrayNode choices = root.putArray("choices");
        response.choices().forEach(c -> writeChoice(choices.addObject(), c));
        if (response.usage() != null) {
            writeUsage(root.putObject("usage"), response.usage());
        }
        return text(root);
    }

    private static String text(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a cached response as JSON", e);
        }
    }

    /**
     * Reads a response written by {@link #write}.
     *
     * @throws IllegalArgumentException if the text is not JSON of the supported version
     */
    public static ChatResponse read(String json) {
        JsonNode root = parse(json);
        ChatResponse.Builder b = ChatResponse.builder()
                .id(text(root, "id"))
                .model(text(root, "model"))
                .created(longOrNull(root, "created"))
                .systemFingerprint(text(root, "system_fingerprint"))
                .requestedModel(text(root, "requested_model"))
                .usage(root.has("usage") ? readUsage(root.get("usage")) : null);
        root.path("choices").forEach(c -> b.addChoice(readChoice(c)));
        return b.build();
    }

    private static JsonNode parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A cached response is not valid JSON", e);
        }
        if (root == null || root.path("v").asInt(-1) != VERSION) {
            throw new IllegalArgumentException(
                    "A cached response has an unsupported format; expected version " + VERSION);
        }
        return root;
    }

    private static void writeChoice(ObjectNode node, Choice c) {
        node.put("index", c.index());
        node.put("content", c.content());
        node.put("reasoning", c.reasoning());
        node.put("refusal", c.refusal());
        node.put("finish_reason", c.finishReason());
        ArrayNode calls = node.putArray("tool_calls");
        for (ToolCall call : c.toolCalls()) {
            calls.addObject().put("id", call.id()).put("type", call.type())
                    .put("name", call.name()).put("arguments", call.arguments());
        }
    }

    private static Choice readChoice(JsonNode node) {
        List<ToolCall> calls = new ArrayList<>();
        for (JsonNode call : node.path("tool_calls")) {
            calls.add(new ToolCall(call.path("id").asText(""), call.path("type").asText("function"),
                    call.path("name").asText(""), call.path("arguments").asText("")));
        }
        return new Choice(node.path("index").asInt(0), text(node, "content"),
                text(node, "reasoning"), text(node, "refusal"), calls,
                text(node, "finish_reason"));
    }

    private static void writeUsage(ObjectNode node, Usage u) {
        node.put("prompt_tokens", u.promptTokens());
        node.put("completion_tokens", u.completionTokens());
        node.put("total_tokens", u.totalTokens());
        node.put("reasoning_tokens", u.reasoningTokens());
        node.put("cached_tokens", u.cachedTokens());
        node.put("cost_in_usd_ticks", u.costInUsdTicks());
    }

    private static Usage readUsage(JsonNode node) {
        return new Usage(intOrNull(node, "prompt_tokens"), intOrNull(node, "completion_tokens"),
                intOrNull(node, "total_tokens"), intOrNull(node, "reasoning_tokens"),
                intOrNull(node, "cached_tokens"), longOrNull(node, "cost_in_usd_ticks"));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static @Nullable Integer intOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static @Nullable Long longOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }
}
