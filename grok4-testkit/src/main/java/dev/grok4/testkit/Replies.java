package dev.grok4.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the simulator's JSON bodies and event-stream events. */
final class Replies {
    /** A fixed creation time keeps identical requests byte-for-byte identical. */
    static final long CREATED = 1_752_000_000L;
    static final String FINGERPRINT = "fp_grok4_simulator";
    private static final byte[] DATA_PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DONE = event("[DONE]");

    private Replies() {
    }

    /** The events of a streamed reply, split where faults may cut in. */
    record StreamScript(List<byte[]> opening, List<byte[]> deltas, List<byte[]> closing) {
    }

    static byte[] completion(ReplyPlan plan) {
        ObjectNode root = header(plan, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        message.put("content", plan.content());
        message.putNull("refusal");
        if (plan.toolName() != null) {
            toolCalls(message, plan, false);
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", plan.finishReason());
        usage(root.putObject("usage"), plan);
        return Json.bytes(root);
    }

    static StreamScript stream(ReplyPlan plan, boolean includeUsage, int chunkCodePoints) {
        ObjectNode role = Json.object().put("role", "assistant").put("content", "");
        List<byte[]> opening = List.of(chunk(plan, role, null, includeUsage));
        List<byte[]> deltas = new ArrayList<>();
        if (plan.toolName() != null) {
            ObjectNode delta = Json.object();
            toolCalls(delta, plan, true);
            deltas.add(chunk(plan, delta, null, includeUsage));
        } else {
            String content = plan.content() == null ? "" : plan.content();
            for (String piece : pieces(content, chunkCodePoints)) {
                ObjectNode delta = Json.object().put("content", piece);
                deltas.add(chunk(plan, delta, null, includeUsage));
            }
        }
        List<byte[]> closing = new ArrayList<>(3);
        closing.add(chunk(plan, Json.object(), plan.finishReason(), includeUsage));
        if (includeUsage) {
            closing.add(usageChunk(plan));
        }
        closing.add(DONE);
        return new StreamScript(opening, deltas, closing);
    }

    static byte[] error(String message, String type, @Nullable String param, String code) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error").put("message", message).put("type", type);
        error.put("param", param);
        error.put("code", code);
        return Json.bytes(root);
    }

    static byte[] errorEvent(String message) {
        ObjectNode root = Json.object();
        root.putObject("error").put("message", message).put("type", "server_error")
                .put("code", "internal_error");
        return event(Json.bytes(root));
    }

    static byte[] models(List<String> ids) {
        ObjectNode root = Json.object().put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : ids) {
            data.add(model(id));
        }
        return Json.bytes(root);
    }

    static ObjectNode model(String id) {
        return Json.object().put("id", id).put("object", "model").put("created", CREATED)
                .put("owned_by", "xai");
    }

    static byte[] event(String data) {
        return event(data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] event(byte[] data) {
        byte[] framed = new byte[DATA_PREFIX.length + data.length + 2];
        System.arraycopy(DATA_PREFIX, 0, framed, 0, DATA_PREFIX.length);
        System.arraycopy(data, 0, framed, DATA_PREFIX.length, data.length);
        framed[framed.length - 2] = '\n';
        framed[framed.length - 1] = '\n';
        return framed;
    }

    /** Splits text into pieces of at most {@code size} code points. */
    static List<String> pieces(String text, int size) {
        List<String> pieces = new ArrayList<>(text.length() / size + 1);
        int start = 0;
        while (start < text.length()) {
            int end = text.offsetByCodePoints(start,
                    Math.min(size, text.codePointCount(start, text.length())));
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }

    private static ObjectNode header(ReplyPlan plan, String object) {
        return Json.object().put("id", plan.id()).put("object", object).put("created", CREATED)
                .put("model", plan.model()).put("system_fingerprint", FINGERPRINT);
    }

    private static byte[] chunk(ReplyPlan plan, ObjectNode delta, @Nullable String finishReason,
            boolean includeUsage) {
        ObjectNode root = header(plan, "chat.completion.chunk");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (includeUsage) {
            root.putNull("usage");
        }
        return event(Json.bytes(root));
    }

    private static byte[] usageChunk(ReplyPlan plan) {
        ObjectNode root = header(plan, "chat.completion.chunk");
        root.putArray("choices");
        usage(root.putObject("usage"), plan);
        return event(Json.bytes(root));
    }

    private static void toolCalls(ObjectNode target, ReplyPlan plan, boolean streamed) {
        ObjectNode call = target.putArray("tool_calls").addObject();
        if (streamed) {
            call.put("index", 0);
        }
        call.put("id", plan.toolCallId()).put("type", "function");
        call.putObject("function").put("name", plan.toolName()).put("arguments", "{}");
    }

    private static void usage(ObjectNode usage, ReplyPlan plan) {
        usage.put("prompt_tokens", plan.promptTokens())
                .put("completion_tokens", plan.completionTokens())
                .put("total_tokens", plan.totalTokens());
        usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", 0);
    }
}
