package dev.grok4.internal.resilience;

import static java.util.Objects.requireNonNull;

import dev.grok4.BatchOptions;
import dev.grok4.BatchProgressListener;
import dev.grok4.BatchResult;
import dev.grok4.ErrorKind;
import dev.grok4.Grok4Exception;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs many chat requests with bounded parallelism and collects one {@link BatchResult} per
 * request, in input order.
 *
 * <p>At most {@code parallelism} requests are in flight; when one finishes the next starts on
 * the thread that finished it, so no thread waits. Every failure of an item, including a
 * non-client exception or a null request, becomes that item's failed result: the batch as a
 * whole never fails. Thread-safe; one instance serves every batch of a client.
 *
 * @since 0.1
 */
public final class BatchRunner {
    private static final System.Logger LOG = System.getLogger(BatchRunner.class.getName());

    private final int defaultParallelism;

    /** Creates a runner whose default parallelism is {@code defaultParallelism} (1 or more). */
    public BatchRunner(int defaultParallelism) {
        if (defaultParallelism < 1) {
            throw new IllegalArgumentException("Invalid defaultParallelism: "
                    + defaultParallelism + "; expected 1 or more");
        }
        this.defaultParallelism = defaultParallelism;
    }

    /**
     * Runs the batch.
     *
     * @param requests the requests, in order; null elements fail their own item only
     * @param options parallelism (0 = this runner's default) and progress listener
     * @param call sends one request; the client's {@code chatAsync}
     * @return a future of one result per request in input order; it never fails
     */
    public CompletableFuture<List<BatchResult>> run(List<@Nullable ChatRequest> requests,
            BatchOptions options, Function<ChatRequest, CompletableFuture<ChatResponse>> call) {
        requireNonNull(requests, "requests");
        requireNonNull(options, "options");
        requireNonNull(call, "call");
        int parallelism = options.parallelism() == 0 ? defaultParallelism : options.parallelism();
        Run run = new Run(requests.toArray(new ChatRequest[0]), call, options.progressListener());
        for (int i = 0; i < Math.min(parallelism, requests.size()); i++) {
            run.work();
        }
        if (requests.isEmpty()) {
            run.done.complete(List.of());
        }
        return run.done;
    }

    /** The state of one batch. */
    private static final class Run {
        final @Nullable ChatRequest[] requests;
        final Function<ChatRequest, CompletableFuture<ChatResponse>> call;
        final BatchProgressListener listener;
        final BatchResult[] results;
        final AtomicInteger next = new AtomicInteger();
        final CompletableFuture<List<BatchResult>> done = new CompletableFuture<>();
        int finished;

        Run(@Nullable ChatRequest[] requests,
                Function<ChatRequest, CompletableFuture<ChatResponse>> call,
                BatchProgressListener listener) {
            this.requests = requests;
            this.call = call;
            this.listener = listener;
            this.results = new BatchResult[requests.length];
        }

        /** Starts items until one is still running; items that finish at once do not recurse. */
        void work() {
            while (true) {
                int index = next.getAndIncrement();
                if (index >= requests.length) {
                    return;
                }
                CompletableFuture<ChatResponse> future = start(index);
                if (!future.isDone()) {
                    future.whenComplete((response, error) -> {
                        record(index, response, error);
                        work();
                    });
                    return;
                }
                Throwable failure = failureOf(future);
                record(index, failure == null ? future.join() : null, failure);
            }
        }

        private CompletableFuture<ChatResponse> start(int index) {
            try {
                ChatRequest request = requireNonNull(requests[index], "request");
                return requireNonNull(call.apply(request), "the call returned no future");
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        private static @Nullable Throwable failureOf(CompletableFuture<ChatResponse> future) {
            if (!future.isCompletedExceptionally()) {
                return null;
            }
            return future.handle((r, e) -> e).join();
        }

        private void record(int index, @Nullable ChatResponse response, @Nullable Throwable error) {
            results[index] = error == null && response != null
                    ? BatchResult.success(index, response)
                    : BatchResult.failure(index, asClientError(index, error));
            int total = results.length;
            synchronized (this) {
                finished++;
                report(finished, total);
                if (finished == total) {
                    done.complete(List.copyOf(Arrays.asList(results)));
                }
            }
        }

        private void report(int count, int total) {
            try {
                listener.onProgress(count, total);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "The batch progress listener threw; ignoring it", e);
            }
        }
    }

    /** Returns the item's error as a client error, wrapping anything else as a bad request. */
    static Grok4Exception asClientError(int index, @Nullable Throwable error) {
        Throwable cause = error == null ? null : RetryExecutor.unwrap(error);
        if (cause instanceof Grok4Exception e) {
            return e;
        }
        String what = cause == null ? "no response" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new Grok4Exception(ErrorKind.BAD_REQUEST,
                "Batch item " + index + " failed before a response: " + what, cause);
    }
}
