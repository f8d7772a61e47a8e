package dev.grok4.internal.stream;

import dev.grok4.Grok4Exception;
import dev.grok4.internal.http.HttpResult;
import dev.grok4.internal.http.HttpStreamResult;
import dev.grok4.model.ChatChunk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Handles a streaming request that was answered with something other than an event stream.
 * The body is read whole (at most {@link #LIMIT} bytes). An error status or an error envelope
 * becomes the same typed error a non-streaming call would raise; a complete chat completion,
 * as sent by a gateway that ignores {@code "stream": true}, becomes a stream of one chunk;
 * anything else is unexpected content.
 */
final class WholeBody implements Flow.Subscriber<List<ByteBuffer>> {
    /** The most body bytes kept; error bodies and single completions are small. */
    static final int LIMIT = 4 * 1024 * 1024;

    /** The outcome: exactly one of the two is set. */
    record Answer(@Nullable ChatChunk chunk, @Nullable Grok4Exception error) {}

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> done = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    private WholeBody() {}

    /** Returns whether the response is an event stream to parse. */
    static boolean isEventStream(HttpStreamResult result) {
        String type = result.header("content-type");
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return result.status() < 300 && !lower.contains("json") && !lower.contains("html");
    }

    /** Reads the body and returns the chunk or the error it amounts to. */
    static CompletableFuture<Answer> read(HttpStreamResult result, StreamSettings settings) {
        WholeBody reader = new WholeBody();
        result.body().subscribe(reader);
        return reader.done.handle((body, error) -> error != null
                ? new Answer(null, settings.failureMapper().apply(error))
                : answer(result, body, settings));
    }

    private static Answer answer(HttpStreamResult result, byte[] body, StreamSettings settings) {
        if (result.status() >= 300) {
            return new Answer(null, settings.errorMapper().apply(
                    new HttpResult(result.status(), result.headers(), body)));
        }
        try {
            ChunkFrame frame = ChunkParser.parse(body, 0, body.length);
            if (frame.error() != null) {
                return new Answer(null, StreamErrors.fromFrame(frame.error(), result.status(),
                        settings.redactor()));
            }
            if (!frame.chunk().choices().isEmpty()) {
                return new Answer(frame.chunk(), null);
            }
        } catch (IOException e) {
            // Not JSON at all: reported below with a snippet.
        }
        return new Answer(null, StreamErrors.unexpected("A streaming request was answered"
                + " without an event stream", result.status(), result.header("content-type"),
                new String(body, StandardCharsets.UTF_8), null, settings.redactor()));
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            int length = Math.min(buffer.remaining(), LIMIT - bytes.size());
            byte[] copy = new byte[length];
            buffer.get(copy);
            bytes.write(copy, 0, length);
        }
        if (bytes.size() >= LIMIT && subscription != null) {
            subscription.cancel();
            done.complete(bytes.toByteArray());
        }
    }

    @Override
    public void onError(Throwable error) {
        done.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        done.complete(bytes.toByteArray());
    }
}
