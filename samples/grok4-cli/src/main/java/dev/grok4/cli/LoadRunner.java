package dev.grok4.cli;

import dev.grok4.Grok4Client;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.Message;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * Drives one scenario against a client: closed loop (each worker sends its next request when
 * the last one answers) or open loop (requests arrive on a schedule, and latency counts from
 * the scheduled arrival so that a slow server cannot hide its queueing).
 */
final class LoadRunner {
    private final Grok4Client client;
    private final String runId = Long.toHexString(System.nanoTime());

    LoadRunner(Grok4Client client) {
        this.client = client;
    }

    ScenarioResult run(Scenario scenario, int requests, @Nullable Double limitRps)
            throws InterruptedException {
        warmUp(scenario);
        Recorder recorder = new Recorder(3);
        AtomicInteger succeeded = new AtomicInteger();
        long start = System.nanoTime();

        if (scenario.openLoop()) {
            runOpenLoop(scenario, requests, recorder, succeeded);
        } else {
            runClosedLoop(scenario, requests, recorder, succeeded);
        }

        double seconds = (System.nanoTime() - start) / 1e9;
        Histogram latencies = recorder.getIntervalHistogram();
        return new ScenarioResult(scenario, requests, succeeded.get(), latencies, seconds,
                limitRps);
    }

    /**
     * Sends one unmeasured round, so that connections are open and the first requests' class
     * loading is not counted against the endpoint.
     */
    private void warmUp(Scenario scenario) throws InterruptedException {
        runClosedLoop(scenario, scenario.concurrency(), new Recorder(3), new AtomicInteger());
    }

    private void runClosedLoop(Scenario scenario, int requests, Recorder recorder,
            AtomicInteger succeeded) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(scenario.concurrency());
        for (int w = 0; w < scenario.concurrency(); w++) {
            workers.execute(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    send(scenario, i, System.nanoTime(), recorder, succeeded);
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(1, TimeUnit.DAYS);
    }

    private void runOpenLoop(Scenario scenario, int requests, Recorder recorder,
            AtomicInteger succeeded) throws InterruptedException {
        ExecutorService workers = Executors.newFixedThreadPool(scenario.concurrency());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch done = new CountDownLatch(requests);
        long intervalNanos = (long) (1e9 / scenario.arrivalsPerSecond());
        long origin = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            int index = i;
            long arrival = origin + i * intervalNanos;
            clock.schedule(() -> workers.execute(() -> {
                send(scenario, index, arrival, recorder, succeeded);
                done.countDown();
            }), arrival - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await();
        clock.shutdown();
        workers.shutdown();
    }

    private void send(Scenario scenario, int index, long startNanos, Recorder recorder,
            AtomicInteger succeeded) {
        try {
            client.chat(request(scenario, index));
            succeeded.incrementAndGet();
        } catch (RuntimeException e) {
            // A failed request counts in the error rate, not in the latency figures.
            return;
        }
        recorder.recordValue((System.nanoTime() - startNanos) / 1000);
    }

    private ChatRequest request(Scenario scenario, int index) {
        return ChatRequest.builder()
                .addMessage(Message.user("bench " + scenario.name() + " " + runId + " #" + index))
                .maxTokens(scenario.replyTokens())
                .cacheable(false)
                .build();
    }
}
