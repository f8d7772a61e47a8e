package dev.grok4.internal.stream;

import dev.grok4.Grok4Exception;
import dev.grok4.internal.http.HttpResult;
import dev.grok4.internal.http.HttpStreamResult;
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
 * Handles a streaming request that was answered with something other than an event stream:
 * an error status, or a JSON or HTML body. The body is read (at most {@link #LIMIT} bytes) and
 * turned into the same typed error a non-streaming call would raise.
 */
final class ErrorBody implements Flow.Subscriber<List<ByteBuffer>> {
    /** The most body bytes kept; an error body is small. */
    static final int LIMIT = 1024 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> done = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    private ErrorBody() {}

    /** Returns whether the response is an event stream to parse. */
    static boolean isEventStream(HttpStreamResult result) {
        String type = result.header("content-type");
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return result.status() < 300 && !lower.contains("json") && !lower.contains("html");
    }

    /** Reads the body and maps it to the error it reports. */
    static CompletableFuture<Grok4Exception> map(HttpStreamResult result,
            StreamSettings settings) {
        ErrorBody reader = new ErrorBody();
        result.body().subscribe(reader);
        return reader.done.handle((body, error) -> error != null
                ? settings.failureMapper().apply(error)
                : toError(result, body, settings));
    }

    private static Grok4Exception toError(HttpStreamResult result, byte[] body,
            StreamSettings settings) {
        if (result.status() >= 300) {
            return settings.errorMapper().apply(
                    new HttpResult(result.status(), result.headers(), body));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            ErrorFrame frame = ChunkParser.parse(body, 0, body.length).error();
            if (frame != null) {
                return StreamErrors.fromFrame(frame, result.status(), settings.redactor());
            }
        } catch (IOException e) {
            // Not JSON at all: reported below with a snippet.
        }
        return StreamErrors.unexpected("A streaming request was answered without an event"
                + " stream", result.status(), result.header("content-type"), text, null,
                settings.redactor());
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
