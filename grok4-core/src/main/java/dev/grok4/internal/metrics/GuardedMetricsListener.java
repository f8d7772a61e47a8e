package dev.grok4.internal.metrics;

import static java.util.Objects.requireNonNull;

import dev.grok4.spi.CacheEvent;
import dev.grok4.spi.CacheFailureEvent;
import dev.grok4.spi.CostEvent;
import dev.grok4.spi.FallbackEvent;
import dev.grok4.spi.MetricsListener;
import dev.grok4.spi.RequestEndEvent;
import dev.grok4.spi.RequestStartEvent;
import dev.grok4.spi.RetryEvent;
import dev.grok4.spi.TimeToFirstTokenEvent;
import dev.grok4.spi.TokenUsageEvent;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Dispatches every event to a list of listeners, each guarded: a listener that throws is logged
 * as a WARNING once (its class name and the exception class, nothing else) and otherwise ignored,
 * and the remaining listeners still receive the event. This is what the client calls; it never
 * throws from an event method. Thread-safe when the listeners are.
 */
public final class GuardedMetricsListener implements MetricsListener {
    private static final System.Logger LOG =
            System.getLogger(GuardedMetricsListener.class.getName());

    private final List<Guard> guards;

    private GuardedMetricsListener(List<MetricsListener> listeners) {
        List<Guard> list = new ArrayList<>();
        listeners.forEach(l -> list.add(new Guard(requireNonNull(l, "listener"))));
        this.guards = List.copyOf(list);
    }

    /** Returns a guard around one listener. */
    public static GuardedMetricsListener of(MetricsListener listener) {
        return new GuardedMetricsListener(List.of(listener));
    }

    /** Returns a guard that dispatches to each listener in order. */
    public static GuardedMetricsListener of(List<? extends MetricsListener> listeners) {
        return new GuardedMetricsListener(List.copyOf(listeners));
    }

    /** Returns how many events the listeners failed on, summed over listeners. */
    public long failures() {
        return guards.stream().mapToLong(g -> g.failures.sum()).sum();
    }

    @Override
    public void onRequestStart(RequestStartEvent event) {
        dispatch(l -> l.onRequestStart(event));
    }

    @Override
    public void onRequestEnd(RequestEndEvent event) {
        dispatch(l -> l.onRequestEnd(event));
    }

    @Override
    public void onRetry(RetryEvent event) {
        dispatch(l -> l.onRetry(event));
    }

    @Override
    public void onFallback(FallbackEvent event) {
        dispatch(l -> l.onFallback(event));
    }

    @Override
    public void onCacheHit(CacheEvent event) {
        dispatch(l -> l.onCacheHit(event));
    }

    @Override
    public void onCacheMiss(CacheEvent event) {
        dispatch(l -> l.onCacheMiss(event));
    }

    @Override
    public void onCacheFailure(CacheFailureEvent event) {
        dispatch(l -> l.onCacheFailure(event));
    }

    @Override
    public void onTokens(TokenUsageEvent event) {
        dispatch(l -> l.onTokens(event));
    }

    @Override
    public void onCost(CostEvent event) {
        dispatch(l -> l.onCost(event));
    }

    @Override
    public void onTimeToFirstToken(TimeToFirstTokenEvent event) {
        dispatch(l -> l.onTimeToFirstToken(event));
    }

    private void dispatch(Consumer<MetricsListener> call) {
        for (Guard guard : guards) {
            guard.deliver(call);
        }
    }

    private static final class Guard {
        private final MetricsListener listener;
        private final AtomicBoolean warned = new AtomicBoolean();
        private final LongAdder failures = new LongAdder();

        Guard(MetricsListener listener) {
            this.listener = listener;
        }

        void deliver(Consumer<MetricsListener> call) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                failures.increment();
                if (warned.compareAndSet(false, true)) {
                    LOG.log(Level.WARNING, "Metrics listener " + listener.getClass().getName()
                            + " threw " + e.getClass().getName() + "; its events are skipped "
                            + "when it fails. Further failures of this listener are not logged.");
                }
            }
        }
    }
}
