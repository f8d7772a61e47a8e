package dev.grok4.testkit;

import org.jspecify.annotations.Nullable;

/**
 * The deterministic reply to one chat request. Either {@code content} or {@code toolName} is
 * set, never both.
 */
record ReplyPlan(String id, String model, @Nullable String content, @Nullable String toolCallId,
        @Nullable String toolName, String finishReason, int promptTokens, int completionTokens) {

    static final String PREFIX = "Simulated reply to: ";
    static final int DEFAULT_TOKENS = 20;
    static final int MAX_TOKENS = 100_000;
    private static final int QUOTED_CODE_POINTS = 200;
    private static final int CHARS_PER_TOKEN = 4;
    private static final String[] FILLER = {
        "alpha", "harbor", "lantern", "meadow", "quartz", "ripple", "summit", "timber",
        "orbit", "cobalt", "ember", "falcon", "glacier", "horizon", "island", "juniper",
        "kernel", "lattice", "marble", "nectar", "oasis", "pebble", "quiver", "rocket",
        "saffron", "tundra", "umber", "velvet", "willow", "xenon", "yonder", "zephyr",
    };

    static ReplyPlan of(ChatRequest request) {
        String hex = Long.toHexString(request.hash());
        int promptTokens = Math.max(1, ceilDiv(request.promptCodePoints(), CHARS_PER_TOKEN));
        if (request.toolName() != null) {
            return new ReplyPlan("chatcmpl-sim-" + hex, request.model(), null, "call_sim_" + hex,
                    request.toolName(), "tool_calls", promptTokens, 1);
        }
        String base = PREFIX + truncate(request.lastUserText(), QUOTED_CODE_POINTS);
        int baseTokens = ceilDiv(base.codePointCount(0, base.length()), CHARS_PER_TOKEN);
        Integer limit = request.maxTokens();
        int wanted = limit == null ? DEFAULT_TOKENS : Math.min(Math.max(limit, 1), MAX_TOKENS);
        if (limit != null && baseTokens > wanted) {
            return new ReplyPlan("chatcmpl-sim-" + hex, request.model(),
                    truncate(base, wanted * CHARS_PER_TOKEN), null, null, "length", promptTokens,
                    wanted);
        }
        StringBuilder text = new StringBuilder(base.length() + (wanted - baseTokens) * 8);
        text.append(base);
        for (int word = 0; baseTokens + word < wanted; word++) {
            text.append(' ').append(filler(request.hash(), word));
        }
        return new ReplyPlan("chatcmpl-sim-" + hex, request.model(), text.toString(), null, null,
                "stop", promptTokens, Math.max(baseTokens, wanted));
    }

    int totalTokens() {
        return promptTokens + completionTokens;
    }

    private static String filler(long hash, int index) {
        int pick = (int) (Draws.mix(hash + index) >>> 59);
        return FILLER[pick];
    }

    /** Keeps at most {@code codePoints} code points, never splitting a surrogate pair. */
    static String truncate(String text, int codePoints) {
        if (text.length() <= codePoints) {
            return text;
        }
        if (text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
