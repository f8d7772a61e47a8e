package dev.grok4.testkit;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** The mutable state one simulator shares between its connection threads. */
final class SimulatorState {
    static final int LOG_LIMIT = 10_000;

    private final Queue<ScriptedResponse> scripted = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<RecordedRequest> log = new ArrayDeque<>();
    private final AtomicInteger chatRequests = new AtomicInteger();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicInteger activeChats = new AtomicInteger();
    private final AtomicInteger peakChats = new AtomicInteger();
    private final AtomicLong latencySequence = new AtomicLong();
    private final AtomicLong faultSequence = new AtomicLong();
    private volatile LatencyProfile latency;
    private volatile FaultProfile faults;

    SimulatorState(LatencyProfile latency, FaultProfile faults) {
        this.latency = latency;
        this.faults = faults;
    }

    void enqueue(ScriptedResponse response) {
        scripted.add(response);
    }

    @Nullable ScriptedResponse nextScripted() {
        return scripted.poll();
    }

    void record(RecordedRequest request) {
        synchronized (log) {
            if (log.size() == LOG_LIMIT) {
                log.removeFirst();
            }
            log.addLast(request);
        }
    }

    List<RecordedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    void chatStarted() {
        chatRequests.incrementAndGet();
        int active = activeChats.incrementAndGet();
        peakChats.accumulateAndGet(active, Math::max);
    }

    void chatFinished() {
        activeChats.decrementAndGet();
    }

    int chatRequests() {
        return chatRequests.get();
    }

    int peakChats() {
        return peakChats.get();
    }

    void connectionOpened() {
        openConnections.incrementAndGet();
    }

    void connectionClosed() {
        openConnections.decrementAndGet();
    }

    int openConnections() {
        return openConnections.get();
    }

    void latency(LatencyProfile profile) {
        latency = profile;
    }

    java.time.Duration nextLatency() {
        return latency.delayFor(latencySequence.getAndIncrement());
    }

    void faults(FaultProfile profile) {
        faults = profile;
        faultSequence.set(0);
    }

    FaultPlan nextFaults(boolean stream) {
        return faults.plan(faultSequence.getAndIncrement(), stream);
    }

    /** Clears everything a test can observe, except the latency profile and open sockets. */
    void reset() {
        scripted.clear();
        synchronized (log) {
            log.clear();
        }
        chatRequests.set(0);
        peakChats.set(activeChats.get());
        faults(FaultProfile.none());
    }
}
