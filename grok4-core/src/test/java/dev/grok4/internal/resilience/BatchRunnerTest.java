package dev.grok4.internal.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grok4.BatchOptions;
import dev.grok4.BatchResult;
import dev.grok4.ErrorKind;
import dev.grok4.Grok4Exception;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Message;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {
    private final BatchRunner runner = new BatchRunner(10);

    private static List<ChatRequest> prompts(int n) {
        return IntStream.range(0, n).mapToObj(i -> ChatRequest.ofPrompt("q" + i)).toList();
    }

    private static String prompt(ChatRequest request) {
        return request.messages().get(0).content();
    }

    private static ChatResponse answer(ChatRequest request) {
        return ChatResponse.builder().id("answer-" + prompt(request)).build();
    }

    @Test
    void resultsComeBackInInputOrderWhateverTheCompletionOrder() {
        Map<String, CompletableFuture<ChatResponse>> pending = new ConcurrentHashMap<>();
        List<ChatRequest> requests = prompts(4);

        var batch = runner.run(requests, BatchOptions.defaults(), request -> pending
                .computeIfAbsent(prompt(request), k -> new CompletableFuture<>()));
        for (int i = 3; i >= 0; i--) {
            pending.get("q" + i).complete(answer(requests.get(i)));
        }

        List<BatchResult> results = batch.join();
        assertThat(results).extracting(BatchResult::index).containsExactly(0, 1, 2, 3);
        assertThat(results).extracting(r -> r.responseOrThrow().id())
                .containsExactly("answer-q0", "answer-q1", "answer-q2", "answer-q3");
    }

    @Test
    void parallelismBoundsTheRequestsInFlight() {
        List<CompletableFuture<ChatResponse>> started = new CopyOnWriteArrayList<>();
        List<ChatRequest> requests = prompts(5);
        var options = BatchOptions.builder().parallelism(2).build();

        var batch = runner.run(requests, options, request -> {
            var future = new CompletableFuture<ChatResponse>();
            started.add(future);
            return future;
        });

        assertThat(started).hasSize(2);
        started.get(0).complete(answer(requests.get(0)));
        assertThat(started).hasSize(3);
        started.get(1).complete(answer(requests.get(1)));
        started.get(2).complete(answer(requests.get(2)));
        assertThat(started).hasSize(5);
        assertThat(batch).isNotDone();
        started.get(3).complete(answer(requests.get(3)));
        started.get(4).complete(answer(requests.get(4)));
        assertThat(batch.join()).allMatch(BatchResult::isSuccess);
    }

    @Test
    void defaultParallelismIsTheRunnersDefault() {
        List<ChatRequest> started = new CopyOnWriteArrayList<>();

        new BatchRunner(3).run(prompts(7), BatchOptions.defaults(), request -> {
            started.add(request);
            return new CompletableFuture<>();
        });

        assertThat(started).hasSize(3);
    }

    @Test
    void progressIsReportedAfterEveryItem() {
        List<String> progress = new CopyOnWriteArrayList<>();
        var options = BatchOptions.builder()
                .progressListener((done, total) -> progress.add(done + "/" + total)).build();

        runner.run(prompts(3), options,
                request -> CompletableFuture.supplyAsync(() -> answer(request))).join();

        assertThat(progress).containsExactly("1/3", "2/3", "3/3");
    }

    @Test
    void failingItemsDoNotFailTheBatch() {
        List<ChatRequest> requests = new ArrayList<>(prompts(5));
        requests.set(4, null);
        var rateLimited = Failures.rateLimited();

        List<BatchResult> results = runner.run(requests, BatchOptions.defaults(), request -> {
            switch (prompt(request)) {
                case "q1":
                    return CompletableFuture.failedFuture(rateLimited);
                case "q2":
                    throw new IllegalStateException("boom");
                case "q3":
                    return CompletableFuture.supplyAsync(() -> {
                        throw new ArithmeticException("late");
                    });
                default:
                    return CompletableFuture.completedFuture(answer(request));
            }
        }).join();

        assertThat(results).extracting(BatchResult::isSuccess)
                .containsExactly(true, false, false, false, false);
        assertThat(results.get(0).responseOrThrow().id()).isEqualTo("answer-q0");
        assertThat(results.get(1).error()).isSameAs(rateLimited);
        assertThat(results.get(2).error())
                .hasMessage("Batch item 2 failed before a response: IllegalStateException: boom")
                .hasCauseInstanceOf(IllegalStateException.class)
                .extracting(Grok4Exception::kind).isEqualTo(ErrorKind.BAD_REQUEST);
        assertThat(results.get(3).error()).hasCauseInstanceOf(ArithmeticException.class);
        assertThat(results.get(4).error()).hasMessageContaining("Batch item 4")
                .hasCauseInstanceOf(NullPointerException.class);
        assertThat(results.get(3).index()).isEqualTo(3);
        assertThatThrownBy(results.get(1)::responseOrThrow).isSameAs(rateLimited);
    }

    @Test
    void throwingListenerDoesNotStopTheBatch() {
        var options = BatchOptions.builder().progressListener((done, total) -> {
            throw new IllegalStateException("listener bug");
        }).build();

        var results = runner.run(prompts(3), options,
                request -> CompletableFuture.completedFuture(answer(request))).join();

        assertThat(results).hasSize(3).allMatch(BatchResult::isSuccess);
    }

    @Test
    void manyItemsThatFinishAtOnceDoNotOverflowTheStack() {
        var results = new BatchRunner(1).run(prompts(20_000), BatchOptions.defaults(),
                request -> CompletableFuture.completedFuture(answer(request))).join();

        assertThat(results).hasSize(20_000);
        assertThat(results.get(19_999).responseOrThrow().id()).isEqualTo("answer-q19999");
    }

    @Test
    void emptyBatchCompletesAtOnce() {
        assertThat(runner.run(List.of(), BatchOptions.defaults(),
                request -> new CompletableFuture<>()).join()).isEmpty();
    }

    @Test
    void optionsRejectNegativeParallelism() {
        assertThatThrownBy(() -> BatchOptions.builder().parallelism(-1))
                .hasMessage("Invalid parallelism: -1; expected 0 (the client's maxConcurrent) "
                        + "or more");
        assertThat(Arrays.asList(BatchOptions.defaults().parallelism())).containsExactly(0);
    }
}
