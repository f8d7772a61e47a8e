package dev.grok4.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a chat completion request that shape the simulated reply.
 *
 * @param hash a 64-bit FNV-1a hash of the model and every message's role and text
 * @param promptCodePoints the code points of all message texts
 * @param maxTokens the requested reply limit, or null if none was given
 * @param toolName the function the reply must call, or null for a text reply
 */
record ChatRequest(String model, long hash, int promptCodePoints, String lastUserText,
        @Nullable Integer maxTokens, boolean stream, boolean includeUsage,
        @Nullable String toolName) {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Thrown when the JSON is valid but is not a usable chat request. */
    static final class InvalidException extends Exception {
        private static final long serialVersionUID = 1L;

        private final String param;

        InvalidException(String param, String message) {
            super(message);
            this.param = param;
        }

        String param() {
            return param;
        }
    }

    static ChatRequest parse(JsonNode json, String defaultModel) throws InvalidException {
        if (!json.isObject()) {
            throw new InvalidException("", "The request body must be a JSON object.");
        }
        JsonNode messages = json.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidException("messages", "'messages' must be a non-empty array.");
        }
        String model = json.path("model").asText(defaultModel);
        long hash = mix(FNV_OFFSET, model);
        int codePoints = 0;
        String lastUser = "";
        for (JsonNode message : messages) {
            String role = message.path("role").asText("");
            String text = text(message.path("content"));
            hash = mix(mix(hash, role), text);
            codePoints += text.codePointCount(0, text.length());
            lastUser = role.equals("user") ? text : lastUser;
        }
        boolean stream = json.path("stream").asBoolean(false);
        boolean usage = json.path("stream_options").path("include_usage").asBoolean(false);
        return new ChatRequest(model, hash, codePoints, lastUser, maxTokens(json), stream, usage,
                forcedTool(json));
    }

    /** Message content is a string, or an array of parts whose text parts are joined. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            JsonNode partText = part.path("text");
            if (partText.isTextual()) {
                text.append(partText.asText());
            }
        }
        return text.toString();
    }

    private static @Nullable Integer maxTokens(JsonNode json) {
        JsonNode limit = json.path("max_completion_tokens");
        if (!limit.isNumber()) {
            limit = json.path("max_tokens");
        }
        return limit.isNumber() ? limit.asInt() : null;
    }

    private static @Nullable String forcedTool(JsonNode json) {
        JsonNode tools = json.path("tools");
        if (!tools.isArray() || tools.isEmpty()) {
            return null;
        }
        JsonNode choice = json.path("tool_choice");
        if (choice.isObject()) {
            String chosen = choice.path("function").path("name").asText("");
            return chosen.isEmpty() ? firstToolName(tools) : chosen;
        }
        return "required".equals(choice.asText()) ? firstToolName(tools) : null;
    }

    private static String firstToolName(JsonNode tools) {
        JsonNode tool = tools.get(0);
        String nested = tool.path("function").path("name").asText("");
        return nested.isEmpty() ? tool.path("name").asText("tool") : nested;
    }

    private static long mix(long hash, String text) {
        long h = hash;
        for (int i = 0; i < text.length(); i++) {
            h = (h ^ text.charAt(i)) * FNV_PRIME;
        }
        return (h ^ 0xFFFF) * FNV_PRIME;
    }
}
