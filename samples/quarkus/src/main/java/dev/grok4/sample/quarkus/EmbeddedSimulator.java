package dev.grok4.sample.quarkus;

import dev.grok4.testkit.Grok4Simulator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The loopback simulator the packaged application starts when it is given neither an API key
 * nor a base URL, so that it answers out of the box; stopped when the application shuts down.
 * Dev Services do the same in dev and test mode, but they never run in production mode.
 */
@ApplicationScoped
public class EmbeddedSimulator {
    private static final Logger LOG = Logger.getLogger(EmbeddedSimulator.class);
    private static @Nullable Grok4Simulator running;

    /** Returns the base URL of the running simulator, starting it on first use. */
    static synchronized String baseUrl() {
        Grok4Simulator simulator = running;
        if (simulator == null) {
            simulator = Grok4Simulator.start();
            running = simulator;
            LOG.infof("Neither quarkus.grok4.api-key nor quarkus.grok4.base-url is set: started"
                    + " the embedded Grok-4 simulator on %s. Set them to call a real endpoint.",
                    simulator.baseUrl());
        }
        return simulator.baseUrl().toString();
    }

    private static synchronized @Nullable Grok4Simulator current() {
        return running;
    }

    static synchronized void stop() {
        Grok4Simulator simulator = running;
        running = null;
        if (simulator != null) {
            simulator.close();
            LOG.infof("Stopped the embedded Grok-4 simulator on %s", simulator.baseUrl());
        }
    }

    /** Repeats the notice once logging is configured; the first one may come before. */
    void onStart(@Observes StartupEvent event) {
        Grok4Simulator simulator = current();
        if (simulator != null) {
            LOG.infof("The Grok-4 client calls the embedded simulator on %s", simulator.baseUrl());
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }
}
