package dev.grok4.internal.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ContentPart;
import dev.grok4.model.Message;
import dev.grok4.model.ResponseFormat;
import dev.grok4.model.Tool;
import dev.grok4.model.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * Estimates before sending how many tokens a request will use, for the tokens-per-minute limiter
 * and the CLI. Exact counts come afterwards from the response's usage.
 *
 * <p>Text is counted with the {@code o200k_base} encoding, which is close to, but not the same
 * as, Grok's own tokenizer; fixed overheads stand in for message framing, images and tool
 * schemas. Special-token text such as {@code <|endoftext|>} counts as ordinary text. The encoding
 * loads once, on first use. Thread-safe.
 */
public final class TokenEstimator {
    /** The output allowance when a request sets no {@code max_completion_tokens}. */
    public static final int DEFAULT_OUTPUT_TOKENS = 1024;

    static final int PER_MESSAGE = 3;
    static final int PER_NAME = 1;
    static final int REPLY_PRIMING = 3;
    static final int PER_TOOL = 8;
    static final int IMAGE_LOW_DETAIL = 85;
    static final int IMAGE = 765;

    private final int defaultOutputTokens;

    /** Creates an estimator that allows {@link #DEFAULT_OUTPUT_TOKENS} for an open reply. */
    public TokenEstimator() {
        this(DEFAULT_OUTPUT_TOKENS);
    }

    /**
     * Creates an estimator.
     *
     * @param defaultOutputTokens the output allowance when a request sets no maximum; >= 0
     */
    public TokenEstimator(int defaultOutputTokens) {
        if (defaultOutputTokens < 0) {
            throw new IllegalArgumentException("Invalid defaultOutputTokens: "
                    + defaultOutputTokens + "; expected 0 or more");
        }
        this.defaultOutputTokens = defaultOutputTokens;
    }

    /** Returns the estimated input plus the output allowance: the maximum the call may use. */
    public int estimate(ChatRequest request) {
        return estimateInput(request) + outputAllowance(request);
    }

    /** Returns {@code max_completion_tokens}, else {@code max_tokens}, else the default. */
    public int outputAllowance(ChatRequest request) {
        if (request.maxCompletionTokens() != null) {
            return request.maxCompletionTokens();
        }
        return request.maxTokens() != null ? request.maxTokens() : defaultOutputTokens;
    }

    /** Returns the estimated prompt tokens: messages, tool schemas and the response schema. */
    public int estimateInput(ChatRequest request) {
        int tokens = REPLY_PRIMING;
        for (Message message : request.messages()) {
            tokens += message(message);
        }
        for (Tool tool : request.tools()) {
            tokens += PER_TOOL + count(tool.name()) + count(tool.description())
                    + count(tool.parametersJson());
        }
        ResponseFormat format = request.responseFormat();
        return format == null ? tokens : tokens + count(format.schemaJson());
    }

    /** Returns the number of tokens of a text; 0 for null or empty text. */
    public int count(@Nullable String text) {
        return text == null || text.isEmpty() ? 0 : Holder.ENCODING.countTokensOrdinary(text);
    }

    private int message(Message m) {
        int tokens = PER_MESSAGE + count(m.role().wireName()) + count(m.content());
        if (m.name() != null) {
            tokens += PER_NAME + count(m.name());
        }
        for (ContentPart part : m.parts()) {
            tokens += part.type() == ContentPart.Type.TEXT ? count(part.text()) : image(part);
        }
        for (ToolCall call : m.toolCalls()) {
            tokens += count(call.name()) + count(call.arguments()) + count(call.id());
        }
        return tokens + count(m.toolCallId());
    }

    private static int image(ContentPart part) {
        return "low".equals(part.detail()) ? IMAGE_LOW_DETAIL : IMAGE;
    }

    private static final class Holder {
        static final Encoding ENCODING =
                Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }
}
