package dev.grok4.bench.load;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the bytes every thread allocates inside a window, threads that start or end inside it
 * included. JDK 17 offers only per-thread counters of live threads, so a daemon thread reads all
 * of them every 10 ms and keeps each thread's first and last reading; a thread that ends keeps
 * its last one. What a dying thread allocates in its last 10 ms is missed, which is little: the
 * threads that come and go here run one completion each. The sampler's own allocation is left
 * out. Not thread-safe: one window at a time.
 */
final class AllocationSampler {
    private static final long PERIOD_MILLIS = 10;

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> first = new HashMap<>();
    private final Map<Long, Long> last = new HashMap<>();
    private volatile boolean running;
    private Thread sampler = Thread.currentThread();
    private boolean opening;

    AllocationSampler() {
        threads.setThreadAllocatedMemoryEnabled(true);
    }

    /** Takes the opening reading and starts sampling. */
    void start() {
        first.clear();
        last.clear();
        running = true;
        sampler = new Thread(this::loop, "bench-allocation-sampler");
        sampler.setDaemon(true);
        opening = true;
        sample();
        opening = false;
        sampler.start();
    }

    /** Stops sampling, takes the closing reading and returns the bytes allocated meanwhile. */
    long stop() throws InterruptedException {
        running = false;
        sampler.join();
        sample();
        long total = 0;
        for (Map.Entry<Long, Long> entry : last.entrySet()) {
            total += entry.getValue() - first.getOrDefault(entry.getKey(), 0L);
        }
        return total;
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void sample() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        long self = sampler.getId();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] < 0 || ids[i] == self) {
                continue;
            }
            if (opening) {
                first.put(ids[i], bytes[i]);
            }
            last.put(ids[i], bytes[i]);
        }
    }
}
