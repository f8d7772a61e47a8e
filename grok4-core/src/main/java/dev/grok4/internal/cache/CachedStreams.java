package dev.grok4.internal.cache;

import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Choice;
import dev.grok4.model.ChunkChoice;
import dev.grok4.model.ToolCall;
import dev.grok4.model.ToolCallDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a cached response back into the chunks of a stream, so that a cache hit can answer a
 * streaming call.
 *
 * <p>Per choice, in order: a chunk with the role, the reasoning in one chunk when there is any,
 * the content in pieces of at most {@value #PIECE_CHARS} characters (never splitting a surrogate
 * pair), every tool call whole in one chunk, and a chunk with the finish reason. A last chunk
 * with no choices carries the usage, as servers send it. A refusal has no delta field and is not
 * replayed.
 */
public final class CachedStreams {
    /** The largest content piece, in UTF-16 characters. */
    public static final int PIECE_CHARS = 512;

    private CachedStreams() {}

    /** Returns the chunks that replay the response; never empty. */
    public static List<ChatChunk> toChunks(ChatResponse response) {
        List<ChatChunk> chunks = new ArrayList<>();
        for (Choice choice : response.choices()) {
            for (ChunkChoice delta : deltas(choice)) {
                chunks.add(chunk(response, List.of(delta)));
            }
        }
        if (response.usage() != null || chunks.isEmpty()) {
            chunks.add(new ChatChunk(response.id(), response.model(), response.created(),
                    List.of(), response.usage()));
        }
        return List.copyOf(chunks);
    }

    private static List<ChunkChoice> deltas(Choice c) {
        int i = c.index();
        List<ChunkChoice> deltas = new ArrayList<>();
        deltas.add(new ChunkChoice(i, "assistant", null, null, List.of(), null));
        if (c.reasoning() != null) {
            deltas.add(new ChunkChoice(i, null, null, c.reasoning(), List.of(), null));
        }
        if (c.content() != null) {
            for (String piece : pieces(c.content())) {
                deltas.add(new ChunkChoice(i, null, piece, null, List.of(), null));
            }
        }
        if (!c.toolCalls().isEmpty()) {
            deltas.add(new ChunkChoice(i, null, null, null, toolDeltas(c.toolCalls()), null));
        }
        deltas.add(new ChunkChoice(i, null, null, null, List.of(), c.finishReason()));
        return deltas;
    }

    private static List<ToolCallDelta> toolDeltas(List<ToolCall> calls) {
        List<ToolCallDelta> deltas = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            deltas.add(new ToolCallDelta(i, call.id(), call.type(), call.name(),
                    call.arguments()));
        }
        return deltas;
    }

    /** Splits text into pieces of at most {@link #PIECE_CHARS}; empty text is one empty piece. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        do {
            int end = Math.min(text.length(), start + PIECE_CHARS);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            pieces.add(text.substring(start, end));
            start = end;
        } while (start < text.length());
        return pieces;
    }

    private static ChatChunk chunk(ChatResponse r, List<ChunkChoice> choices) {
        return new ChatChunk(r.id(), r.model(), r.created(), choices, null);
    }
}
