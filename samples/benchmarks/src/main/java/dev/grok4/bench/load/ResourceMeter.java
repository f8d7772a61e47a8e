package dev.grok4.bench.load;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Reads what this JVM has spent so far: process CPU time, bytes allocated, threads started.
 * The simulator runs in another process, so all of it is the clients' (and the harness's,
 * whose workers allocate nothing per call).
 *
 * <p>Allocation is counted in eden: what every collection found there plus what it holds now.
 * Summing {@code com.sun.management.ThreadMXBean.getThreadAllocatedBytes} over live threads is
 * not enough on JDK 17, which has no total across dead threads: a thread that ends inside the
 * window (an idle pool thread, a thread started per stream) takes its count with it, and the
 * sum even went negative. The eden count sees every thread and rounds to allocation buffers.
 */
final class ResourceMeter {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> edens = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getName().contains("Eden"))
            .collect(Collectors.toList());
    private final AtomicLong collectedEden = new AtomicLong();
    private final AtomicLong notified = new AtomicLong();

    ResourceMeter() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter) {
                ((NotificationEmitter) gc).addNotificationListener(
                        (notification, handback) -> onGc(notification), null, null);
            }
        }
        notified.set(collections());
    }

    /** What the process has spent up to now. */
    record Snapshot(long nanos, long cpuNanos, long heapBytes, long threadsStarted) {

        /** Returns what was spent between {@code before} and this snapshot. */
        Snapshot minus(Snapshot before) {
            return new Snapshot(nanos - before.nanos, cpuNanos - before.cpuNanos,
                    heapBytes - before.heapBytes, threadsStarted - before.threadsStarted);
        }
    }

    /** Takes a snapshot, first waiting briefly for pending collection notices. */
    Snapshot snapshot() {
        awaitNotifications();
        return new Snapshot(System.nanoTime(), os.getProcessCpuTime(), heapBytes(),
                threads.getTotalStartedThreadCount());
    }

    private long heapBytes() {
        long inEden = 0;
        for (MemoryPoolMXBean eden : edens) {
            inEden += eden.getUsage().getUsed();
        }
        return collectedEden.get() + inEden;
    }

    private void onGc(Notification notification) {
        if (!notification.getType().equals(
                GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        Map<String, MemoryUsage> before = info.getGcInfo().getMemoryUsageBeforeGc();
        Map<String, MemoryUsage> after = info.getGcInfo().getMemoryUsageAfterGc();
        for (MemoryPoolMXBean eden : edens) {
            MemoryUsage used = before.get(eden.getName());
            MemoryUsage left = after.get(eden.getName());
            if (used != null) {
                collectedEden.addAndGet(used.getUsed() - (left == null ? 0 : left.getUsed()));
            }
        }
        notified.incrementAndGet();
    }

    /** Collection notices arrive on another thread; wait up to a second for the stragglers. */
    private void awaitNotifications() {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (notified.get() < collections() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static long collections() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }
}
