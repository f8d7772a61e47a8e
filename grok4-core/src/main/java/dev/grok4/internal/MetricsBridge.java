package dev.grok4.internal;

import dev.grok4.ErrorKind;
import dev.grok4.Grok4Exception;
import dev.grok4.internal.resilience.ResilienceListener;
import dev.grok4.spi.FallbackEvent;
import dev.grok4.spi.MetricsListener;
import dev.grok4.spi.RetryEvent;
import java.time.Duration;

/** Reports the retry and fallback decisions of the resilience units as metrics events. */
public final class MetricsBridge implements ResilienceListener {
    private final MetricsListener listener;

    /** Creates a bridge to a listener that must not throw (a guarded one). */
    public MetricsBridge(MetricsListener listener) {
        this.listener = listener;
    }

    @Override
    public void onRetry(String model, int nextAttempt, RuntimeException failure,
            Duration delay) {
        listener.onRetry(new RetryEvent(model, nextAttempt, kindOf(failure), delay));
    }

    @Override
    public void onFallback(String fromModel, String toModel, RuntimeException failure) {
        listener.onFallback(new FallbackEvent(fromModel, toModel, kindOf(failure)));
    }

    private static ErrorKind kindOf(RuntimeException failure) {
        return failure instanceof Grok4Exception e ? e.kind() : ErrorKind.SERVER;
    }
}
