package dev.grok4.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * Runs one cell as a closed loop: {@code concurrency} worker threads each make calls back to
 * back, first for the warm-up, then for the measured window. A call counts when it completes
 * inside the window. Not thread-safe: one cell at a time.
 */
final class LoadRunner {
    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;
    private static final long JOIN_MILLIS = 120_000;

    private final ResourceMeter meter = new ResourceMeter();
    private final AllocationSampler allocations = new AllocationSampler();
    private volatile int phase;

    /** Runs the cell and returns what it measured. */
    Measurement run(ClientDriver driver, Mode mode, int concurrency, Duration warmup,
            Duration measure) throws InterruptedException {
        phase = WARMUP;
        AtomicReference<@Nullable Throwable> firstError = new AtomicReference<>();
        List<Worker> workers = start(driver, mode, concurrency, firstError);
        Thread.sleep(warmup.toMillis());

        ResourceMeter.Snapshot before = meter.snapshot();
        allocations.start();
        phase = MEASURE;
        Thread.sleep(measure.toMillis());
        phase = STOP;
        long allocated = allocations.stop();
        ResourceMeter.Snapshot spent = meter.snapshot().minus(before).withThreadBytes(allocated);

        join(workers);
        return collect(driver.name(), mode, concurrency, workers, spent, firstError.get());
    }

    private List<Worker> start(ClientDriver driver, Mode mode, int concurrency,
            AtomicReference<@Nullable Throwable> firstError) {
        List<Worker> workers = new ArrayList<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Worker worker = new Worker(driver, mode, firstError);
            Thread thread = new Thread(worker, "bench-" + driver.name() + "-" + i);
            thread.setDaemon(true);
            worker.thread = thread;
            workers.add(worker);
            thread.start();
        }
        return workers;
    }

    private static void join(List<Worker> workers) throws InterruptedException {
        long deadline = System.currentTimeMillis() + JOIN_MILLIS;
        for (Worker worker : workers) {
            worker.thread.join(Math.max(1, deadline - System.currentTimeMillis()));
        }
    }

    private static Measurement collect(String client, Mode mode, int concurrency,
            List<Worker> workers, ResourceMeter.Snapshot spent, @Nullable Throwable error) {
        Histogram latencies = new Histogram(3);
        long calls = 0;
        long errors = 0;
        long events = 0;
        for (Worker worker : workers) {
            if (worker.thread.isAlive()) {
                errors++;
                continue;
            }
            latencies.add(worker.latencies);
            calls += worker.calls;
            errors += worker.errors;
            events += worker.events;
        }
        return new Measurement(client, mode, concurrency, latencies, calls, errors, events, spent,
                error == null ? null : describe(error));
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getName() + (message == null ? "" : ": " + message);
    }

    /** One closed-loop thread; its counters are read once the thread has ended. */
    private final class Worker implements Runnable {
        private final ClientDriver driver;
        private final Mode mode;
        private final AtomicReference<@Nullable Throwable> firstError;
        private final Histogram latencies = new Histogram(3);
        private Thread thread = Thread.currentThread();
        private long calls;
        private long errors;
        private long events;

        Worker(ClientDriver driver, Mode mode, AtomicReference<@Nullable Throwable> firstError) {
            this.driver = driver;
            this.mode = mode;
            this.firstError = firstError;
        }

        @Override
        public void run() {
            while (phase != STOP) {
                long start = System.nanoTime();
                try {
                    int received = mode.call(driver);
                    record(System.nanoTime() - start, received);
                } catch (Exception | LinkageError e) {
                    fail(e);
                }
            }
        }

        private void record(long nanos, int received) {
            if (phase == MEASURE) {
                latencies.recordValue(nanos);
                calls++;
                events += received;
            }
        }

        private void fail(Throwable error) {
            firstError.compareAndSet(null, error);
            if (phase == MEASURE) {
                errors++;
            }
            // A client failing at once would otherwise spin and starve the others' cells.
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
