package dev.grok4.internal.stream;

import dev.grok4.Grok4Exception;
import dev.grok4.internal.sse.SseFormatException;
import dev.grok4.internal.sse.SseParser;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The state machine of one stream, shared by the publisher and the blocking stream: it holds
 * the body buffers fed so far and turns them into chunks one at a time, on demand, accumulating
 * the response and deciding how the stream ended.
 *
 * <p>Not thread-safe: the caller serializes every call.
 */
final class ChunkReader {
    private final StreamSettings settings;
    private final StreamCompletion completion;
    private final SseParser sse = new SseParser();
    private final StreamAccumulator accumulator;
    private List<ByteBuffer> buffers = List.of();
    private int bufferIndex;
    private boolean endOfInput;
    private @Nullable Throwable endCause;
    private @Nullable ChatChunk whole;
    private boolean wholeDelivered;
    private @Nullable ChatResponse response;
    private @Nullable Grok4Exception failure;

    ChunkReader(StreamSettings settings, StreamCompletion completion) {
        this.settings = settings;
        this.completion = completion;
        this.accumulator = new StreamAccumulator(settings.nanoClock(), settings.startNanos());
    }

    /** Hands over the next body buffers; call only when {@link #needsInput()}. */
    void feed(List<ByteBuffer> next) {
        buffers = next;
        bufferIndex = 0;
    }

    /** Takes a complete answer sent instead of a stream: one chunk, then a successful end. */
    void whole(ChatChunk chunk) {
        whole = chunk;
        endOfInput = true;
    }

    /** Records the end of the body, with the I/O error that ended it early, if any. */
    void endOfInput(@Nullable Throwable cause) {
        endOfInput = true;
        endCause = cause;
    }

    /**
     * Returns whether the body has ended and every byte of it is used, so the next call to
     * {@link #next()} can only end the stream, never return a chunk.
     */
    boolean onlyEndRemains() {
        return endOfInput && whole == null && bufferIndex >= buffers.size();
    }

    /** Returns whether the reader has used every byte fed and waits for more. */
    boolean needsInput() {
        return !isFinished() && !endOfInput && bufferIndex >= buffers.size();
    }

    /** Returns whether the stream has ended, well or badly. */
    boolean isFinished() {
        return response != null || failure != null;
    }

    /** Returns the response after a successful end, else null. */
    @Nullable ChatResponse response() {
        return response;
    }

    /** Returns the failure after a failed end, else null. */
    @Nullable Grok4Exception failure() {
        return failure;
    }

    /** Returns the first choice's content so far, or null. */
    @Nullable String partialContent() {
        return accumulator.partialContent();
    }

    /**
     * Returns the next chunk, or null when more input is needed or the stream has ended (see
     * {@link #isFinished()}). Ending calls the observer's end hook.
     */
    @Nullable ChatChunk next() {
        if (whole != null || wholeDelivered) {
            return nextWhole();
        }
        while (!isFinished()) {
            if (bufferIndex >= buffers.size()) {
                if (endOfInput) {
                    finishAtEnd();
                }
                return null;
            }
            ChatChunk chunk = parseFrom(buffers.get(bufferIndex));
            if (chunk != null) {
                return chunk;
            }
        }
        return null;
    }

    private @Nullable ChatChunk nextWhole() {
        ChatChunk chunk = whole;
        whole = null;
        if (chunk != null) {
            wholeDelivered = true;
            return accept(chunk);
        }
        if (!isFinished()) {
            succeed();
        }
        return null;
    }

    private @Nullable ChatChunk parseFrom(ByteBuffer buffer) {
        SseParser.Signal signal;
        try {
            signal = sse.parse(buffer);
        } catch (SseFormatException e) {
            fail(StreamErrors.unexpected(e.getMessage(), 200, "text/event-stream", "", e,
                    settings.redactor()));
            return null;
        }
        if (signal == SseParser.Signal.NEED_INPUT) {
            bufferIndex++;
            return null;
        }
        if (signal == SseParser.Signal.DONE) {
            succeed();
            return null;
        }
        return onEvent();
    }

    private @Nullable ChatChunk onEvent() {
        String type = sse.eventType();
        boolean isError = type.equals("error");
        if (!isError && !type.equals("message") || sse.dataLength() == 0) {
            return null;
        }
        ChunkFrame frame;
        try {
            frame = ChunkParser.parse(sse.data(), 0, sse.dataLength());
        } catch (IOException e) {
            failOnText(isError, e);
            return null;
        }
        if (frame.error() != null || isError) {
            ErrorFrame error = frame.error() != null ? frame.error()
                    : new ErrorFrame(sse.dataAsString(), null, null, null);
            fail(StreamErrors.fromFrame(error, 200, settings.redactor()));
            return null;
        }
        return accept(frame.chunk());
    }

    private void failOnText(boolean isError, IOException e) {
        String text = sse.dataAsString();
        fail(isError ? StreamErrors.fromFrame(new ErrorFrame(text, null, null, null), 200,
                settings.redactor())
                : StreamErrors.unexpected("A stream event is not a JSON chunk", 200,
                        "text/event-stream", text, e, settings.redactor()));
    }

    private @Nullable ChatChunk accept(@Nullable ChatChunk chunk) {
        if (chunk != null && accumulator.add(chunk)) {
            completion.firstToken(accumulator.timeToFirstToken());
        }
        return chunk;
    }

    private void finishAtEnd() {
        boolean complete = accumulator.hasFinishReason()
                && (!settings.expectUsage() || accumulator.hasUsage());
        if (complete) {
            succeed();
        } else {
            fail(StreamErrors.truncated(accumulator.partialContent(), endCause,
                    settings.redactor()));
        }
    }

    private void succeed() {
        response = settings.finisher().apply(accumulator.response().toBuilder()
                .requestedModel(settings.requestedModel()).build());
        completion.succeeded(response);
    }

    /** Ends the stream with this failure, attaching the content received so far. */
    void fail(Grok4Exception error) {
        if (isFinished()) {
            return;
        }
        error.withPartialContent(accumulator.partialContent());
        failure = error;
        completion.failed(error);
    }
}
