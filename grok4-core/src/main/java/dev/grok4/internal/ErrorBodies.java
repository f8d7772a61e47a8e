package dev.grok4.internal;

import dev.grok4.internal.http.HttpStreamResult;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Reads the body of a streaming request that was answered with an error status, so that the
 * error can be typed like a non-streaming one. Error bodies are small; anything past 64 KiB is
 * dropped, since only the start of the body says what went wrong.
 */
final class ErrorBodies {
    static final int LIMIT = 64 * 1024;

    private ErrorBodies() {}

    static CompletableFuture<byte[]> read(HttpStreamResult result) {
        Collector collector = new Collector();
        result.body().subscribe(collector);
        return collector.done;
    }

    private static final class Collector implements Flow.Subscriber<List<ByteBuffer>> {
        final CompletableFuture<byte[]> done = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int room = LIMIT - bytes.size();
                if (room > 0) {
                    byte[] piece = new byte[Math.min(room, buffer.remaining())];
                    buffer.get(piece);
                    bytes.write(piece, 0, piece.length);
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            // Whatever arrived still names the error better than the transport failure does.
            done.complete(bytes.toByteArray());
        }

        @Override
        public void onComplete() {
            done.complete(bytes.toByteArray());
        }
    }
}
