package dev.grok4.sample.micronaut;

import dev.grok4.Grok4Config;
import dev.grok4.micronaut.Grok4Settings;
import dev.grok4.testkit.Grok4Simulator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded simulator when the application has no endpoint and no key, and points
 * {@code grok4.base-url} at it before Micronaut reads its configuration.
 */
final class SimulatorFallback {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorFallback.class);

    // The simulator accepts any key; the client just needs one to send.
    private static final String SIMULATOR_KEY = "simulator";

    private SimulatorFallback() {}

    static void startIfUnconfigured(Map<String, String> env) {
        if (configured(env)) {
            return;
        }
        Grok4Simulator simulator = Grok4Simulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "grok4-simulator-stop"));

        System.setProperty(Grok4Settings.BASE_URL, simulator.baseUrl().toString());
        System.setProperty(Grok4Settings.API_KEY, SIMULATOR_KEY);
        LOG.info("No {} or API key configured: answering from the embedded simulator at {}",
                Grok4Settings.BASE_URL, simulator.baseUrl());
    }

    private static boolean configured(Map<String, String> env) {
        return System.getProperty(Grok4Settings.BASE_URL) != null
                || System.getProperty(Grok4Settings.API_KEY) != null
                || env.containsKey("GROK4_BASE_URL")
                || env.containsKey(Grok4Config.API_KEY_ENV);
    }
}
