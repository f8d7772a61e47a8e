package dev.grok4.internal.stream;

import static dev.grok4.internal.stream.StreamTestSupport.USAGE;
import static dev.grok4.internal.stream.StreamTestSupport.chunk;
import static dev.grok4.internal.stream.StreamTestSupport.content;
import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.ChatStream;
import dev.grok4.ConnectionException;
import dev.grok4.Grok4Exception;
import dev.grok4.internal.http.HttpStreamResult;
import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * Checks how much of the body is requested for how many chunks, with a body that answers each
 * request synchronously, inside the {@code request} call, as the JDK client may.
 */
class DemandTest {

    @Test
    void theBodyIsRequestedOnlyWhenTheReadBuffersCannotSupplyTheNextChunk() {
        ScriptedBody body = new ScriptedBody(events(content("a")),
                events(content("b"), content("c"), content("d")),
                events(chunk("{}", "stop"), USAGE) + "data: [DONE]\n\n");
        TestSubscriber subscriber = new TestSubscriber(0);
        publisher(body).subscribe(subscriber);

        assertThat(body.requested).isZero();
        subscriber.request(1);
        assertThat(texts(subscriber)).containsExactly("a");
        assertThat(body.requested).isEqualTo(1);
        subscriber.request(1);
        assertThat(texts(subscriber)).containsExactly("a", "b");
        assertThat(body.requested).isEqualTo(2);
        subscriber.request(2);
        assertThat(texts(subscriber)).containsExactly("a", "b", "c", "d");
        assertThat(body.requested).isEqualTo(2);
        assertThat(subscriber.completed()).isFalse();
    }

    @Test
    void afterDoneTheRestOfTheBodyIsReadAndDiscarded() {
        ScriptedBody body = new ScriptedBody(events(content("a"), chunk("{}", "stop"), USAGE)
                + "data: [DONE]\n\n", ": trailing comment\n\n");
        TestSubscriber subscriber = new TestSubscriber(0);
        publisher(body).subscribe(subscriber);

        subscriber.request(10);

        assertThat(subscriber.completed()).isTrue();
        assertThat(subscriber.chunks()).hasSize(3);
        assertThat(body.completed).isTrue();
        assertThat(body.cancelled).isFalse();
    }

    @Test
    void aCompleteJsonAnswerIsDeliveredOnlyOnDemand() {
        CompletableFuture<HttpStreamResult> answer = CompletableFuture.completedFuture(
                new HttpStreamResult(200, Map.of("content-type", List.of("application/json")),
                        new ScriptedBody(chunk("{\"content\":\"whole\"}", "stop"))));
        TestSubscriber subscriber = new TestSubscriber(0);
        StreamingCall.builder(answer).build().publisher().subscribe(subscriber);

        assertThat(subscriber.chunks()).isEmpty();
        assertThat(subscriber.completed()).isFalse();
        subscriber.request(1);

        assertThat(texts(subscriber)).containsExactly("whole");
        assertThat(subscriber.completed()).isTrue();
    }

    @Test
    void cancellingTheSubscriptionCancelsTheBody() {
        ScriptedBody body = new ScriptedBody(events(content("a")), events(content("b")));
        TestSubscriber subscriber = new TestSubscriber(0);
        publisher(body).subscribe(subscriber);
        subscriber.request(1);

        subscriber.cancel();

        assertThat(body.cancelled).isTrue();
        assertThat(body.requested).isEqualTo(1);
        assertThat(subscriber.error()).isNull();
        assertThat(subscriber.completed()).isFalse();
    }

    @Test
    void aSubscriberThatThrowsFromOnNextCancelsTheStream() {
        ScriptedBody body = new ScriptedBody(events(content("a"), content("b")));
        List<String> ends = new java.util.ArrayList<>();
        Flow.Publisher<ChatChunk> publisher = StreamingCall.builder(response(body))
                .observer(new StreamObserver() {
                    @Override
                    public void onEnd(ChatResponse r, Grok4Exception e) {
                        ends.add(r == null && e == null ? "cancelled" : "other");
                    }
                }).build().publisher();
        TestSubscriber subscriber = new TestSubscriber(0) {
            @Override
            public void onNext(ChatChunk chunk) {
                super.onNext(chunk);
                throw new IllegalStateException("subscriber bug");
            }
        };
        publisher.subscribe(subscriber);

        subscriber.request(5);

        assertThat(subscriber.chunks()).hasSize(1);
        assertThat(body.cancelled).isTrue();
        assertThat(ends).containsExactly("cancelled");
    }

    @Test
    void anErrorMapperThatThrowsStillEndsTheStreamWithATypedError() {
        CompletableFuture<HttpStreamResult> answer = CompletableFuture.completedFuture(
                new HttpStreamResult(500, Map.of("content-type", List.of("application/json")),
                        new ScriptedBody("{\"error\":{\"message\":\"boom\"}}")));
        TestSubscriber subscriber = new TestSubscriber(1);

        StreamingCall.builder(answer).errorMapper(r -> {
            throw new IllegalStateException("mapper bug");
        }).build().publisher().subscribe(subscriber);

        assertThat(subscriber.error()).isInstanceOf(ConnectionException.class)
                .hasMessageContaining("mapper bug");
    }

    @Test
    void theBlockingStreamRequestsOneBodyReadPerExhaustedBuffer() {
        ScriptedBody body = new ScriptedBody(events(content("a"), content("b")),
                events(content("c")));
        ChatStream stream = StreamingCall.builder(response(body)).build().blocking();
        Iterator<ChatChunk> chunks = stream.iterator();

        assertThat(chunks.next().content()).isEqualTo("a");
        assertThat(body.requested).isEqualTo(1);
        assertThat(chunks.next().content()).isEqualTo("b");
        assertThat(body.requested).isEqualTo(1);
        assertThat(chunks.next().content()).isEqualTo("c");
        assertThat(body.requested).isEqualTo(2);
        stream.close();
        assertThat(body.cancelled).isTrue();
    }

    private static Flow.Publisher<ChatChunk> publisher(ScriptedBody body) {
        return StreamingCall.builder(response(body)).build().publisher();
    }

    private static CompletableFuture<HttpStreamResult> response(ScriptedBody body) {
        return CompletableFuture.completedFuture(new HttpStreamResult(200,
                Map.of("content-type", List.of("text/event-stream")), body));
    }

    private static List<String> texts(TestSubscriber subscriber) {
        return subscriber.chunks().stream().map(ChatChunk::content).toList();
    }

    private static String events(String... payloads) {
        return StreamTestSupport.sse(List.of(payloads));
    }

    /** A body that hands out one scripted read per request, synchronously, then completes. */
    static final class ScriptedBody implements Flow.Publisher<List<ByteBuffer>> {
        final Deque<String> reads = new ArrayDeque<>();
        long requested;
        boolean cancelled;
        boolean completed;

        ScriptedBody(String... reads) {
            this.reads.addAll(List.of(reads));
        }

        @Override
        public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                    for (long i = 0; i < n && !cancelled && !completed; i++) {
                        requested = Math.min(Long.MAX_VALUE - 1, requested + 1);
                        emit(subscriber);
                    }
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            });
        }

        private void emit(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
            String next = reads.poll();
            if (next == null) {
                completed = true;
                subscriber.onComplete();
            } else {
                subscriber.onNext(List.of(ByteBuffer.wrap(next.getBytes(StandardCharsets.UTF_8))));
            }
        }
    }
}
