package dev.grok4.sample.quarkus;

import dev.grok4.testkit.Grok4Simulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs a simulator the test can script, and points the application at it. */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {
    static final String KEY = "xai-sample-test-key";

    private Grok4Simulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = Grok4Simulator.start();
        return Map.of("quarkus.grok4.base-url", simulator.baseUrl().toString(),
                "quarkus.grok4.api-key", KEY,
                "quarkus.grok4.retry.max-attempts", "1",
                "quarkus.grok4.fallback-models", "none",
                "quarkus.grok4.cache.type", "none");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(simulator,
                new TestInjector.MatchesType(Grok4Simulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
