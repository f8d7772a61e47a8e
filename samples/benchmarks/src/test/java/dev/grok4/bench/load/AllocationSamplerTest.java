package dev.grok4.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class AllocationSamplerTest {
    private static final int MB = 1 << 20;
    private static volatile byte[] sink = new byte[0];

    @Test
    void countsOnlyWhatLiveThreadsAllocateInsideTheWindow() throws Exception {
        CountDownLatch windowOpen = new CountDownLatch(1);
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch windowClosed = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            allocate(20);
            await(windowOpen);
            allocate(30);
            allocated.countDown();
            await(windowClosed);
        });
        worker.start();
        AllocationSampler sampler = new AllocationSampler();

        Thread.sleep(50);
        sampler.start();
        windowOpen.countDown();
        allocated.await();
        long bytes = sampler.stop();
        windowClosed.countDown();
        worker.join();

        assertThat(bytes).isBetween(30L * MB, 40L * MB);
    }

    @Test
    void countsAThreadStartedInsideTheWindowFromZero() throws Exception {
        AllocationSampler sampler = new AllocationSampler();
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch windowClosed = new CountDownLatch(1);

        sampler.start();
        Thread worker = new Thread(() -> {
            allocate(25);
            allocated.countDown();
            await(windowClosed);
        });
        worker.start();
        allocated.await();
        long bytes = sampler.stop();
        windowClosed.countDown();
        worker.join();

        assertThat(bytes).isBetween(25L * MB, 35L * MB);
    }

    private static void allocate(int megabytes) {
        for (int i = 0; i < megabytes; i++) {
            sink = new byte[MB];
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
