package dev.grok4.quarkus.deployment;

import dev.grok4.Grok4Config;
import dev.grok4.testkit.Grok4Simulator;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Dev Services: in dev and test mode, when the application configures neither an API key nor a
 * base URL, starts the loopback simulator and points the client at it.
 *
 * <p>The simulator runs in this JVM, so there is no container to reuse; one simulator lives from
 * the first build that needs it until the application (or the last test using it) shuts down,
 * and survives dev-mode restarts in between.
 */
@BuildSteps(onlyIf = {IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class})
class Grok4DevServicesProcessor {
    static final String BASE_URL = "quarkus.grok4.base-url";
    static final String API_KEY = "quarkus.grok4.api-key";
    /** Sent to the simulator, which accepts any key; never a real credential. */
    static final String PLACEHOLDER_KEY = "grok4-dev-services";

    private static final Logger LOG = Logger.getLogger(Grok4DevServicesProcessor.class);
    private static volatile @Nullable Grok4Simulator running;

    @BuildStep
    @Nullable DevServicesResultBuildItem simulator(Grok4BuildTimeConfig config,
            CuratedApplicationShutdownBuildItem shutdown) {
        boolean clientDisabled = "false".equalsIgnoreCase(value("quarkus.grok4.enabled"));
        if (!config.devservices().enabled() || clientDisabled || endpointConfigured()) {
            stop();
            return null;
        }
        Grok4Simulator simulator = running;
        if (simulator == null) {
            simulator = start();
            shutdown.addCloseTask(Grok4DevServicesProcessor::stop, true);
        }
        return DevServicesResultBuildItem.discovered()
                .feature(Grok4Processor.FEATURE)
                .description("Grok-4 simulator on " + simulator.baseUrl())
                .config(Map.of(BASE_URL, simulator.baseUrl().toString(),
                        API_KEY, PLACEHOLDER_KEY))
                .build();
    }

    /**
     * Whether the application names an endpoint or a key. The values this processor itself
     * supplied on an earlier dev-mode build do not count.
     */
    private static boolean endpointConfigured() {
        Grok4Simulator simulator = running;
        String ours = simulator == null ? "" : simulator.baseUrl().toString();
        String baseUrl = value(BASE_URL);
        String apiKey = value(API_KEY);
        String envKey = System.getenv(Grok4Config.API_KEY_ENV);
        return !baseUrl.isEmpty() && !baseUrl.equals(ours)
                || !apiKey.isEmpty() && !apiKey.equals(PLACEHOLDER_KEY)
                || envKey != null && !envKey.isBlank();
    }

    private static String value(String name) {
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse("").strip();
    }

    private static synchronized Grok4Simulator start() {
        Grok4Simulator simulator = running;
        if (simulator == null) {
            simulator = Grok4Simulator.start();
            running = simulator;
            LOG.infof("Dev Services for Grok-4 started the simulator on %s: no API key and no"
                    + " base URL are configured. Set quarkus.grok4.api-key or"
                    + " quarkus.grok4.base-url to call a real endpoint.", simulator.baseUrl());
        }
        return simulator;
    }

    private static synchronized void stop() {
        Grok4Simulator simulator = running;
        running = null;
        if (simulator != null) {
            simulator.close();
            LOG.infof("Dev Services for Grok-4 stopped the simulator on %s", simulator.baseUrl());
        }
    }
}
