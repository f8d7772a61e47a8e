package dev.grok4.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The build-time settings of the Grok-4 extension, under {@code quarkus.grok4}.
 *
 * @since 0.1
 */
@ConfigMapping(prefix = "quarkus.grok4")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface Grok4BuildTimeConfig {

    /** Dev Services settings. */
    DevServices devservices();

    /** The simulator started in dev and test mode when no endpoint is configured. */
    interface DevServices {
        /**
         * Whether dev and test mode start the loopback simulator when neither an API key nor a
         * base URL is configured. Default true.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
