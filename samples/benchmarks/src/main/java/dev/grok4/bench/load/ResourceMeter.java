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
 * <p>The heap count adds what every collection found in eden to what eden holds now. It sees
 * every thread, short-lived ones included, but G1 reports eden by whole regions (4 MB here), so
 * a window is exact to within two regions. {@link AllocationSampler} counts per thread exactly
 * but cannot see threads that lived less than its period, such as the JDK client's
 * thread-per-response hops on a two-CPU machine, which do real work in some clients.
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
    record Snapshot(long nanos, long cpuNanos, long heapBytes, long threadBytes,
            long threadsStarted) {

        /** Returns what was spent between {@code before} and this snapshot. */
        Snapshot minus(Snapshot before) {
            return new Snapshot(nanos - before.nanos, cpuNanos - before.cpuNanos,
                    heapBytes - before.heapBytes, threadBytes - before.threadBytes,
                    threadsStarted - before.threadsStarted);
        }

        /** Returns this snapshot with the bytes an {@link AllocationSampler} counted. */
        Snapshot withThreadBytes(long bytes) {
            return new Snapshot(nanos, cpuNanos, heapBytes, bytes, threadsStarted);
        }
    }

    /** Takes a snapshot, first waiting briefly for pending collection notices. */
    Snapshot snapshot() {
        awaitNotifications();
        return new Snapshot(System.nanoTime(), os.getProcessCpuTime(), heapBytes(), 0,
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
