package dev.grok4.sample.spring;

import dev.grok4.Grok4Config;
import dev.grok4.spring.Grok4ClientBuilderCustomizer;
import dev.grok4.testkit.Grok4Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no endpoint and no API key configured, starts the embedded Grok-4 simulator and points
 * the client at it, so the sample answers on a fresh machine. This is the sample's choice; the
 * starter never starts a simulator.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedSimulatorConfiguration.NothingConfigured.class)
class EmbeddedSimulatorConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSimulatorConfiguration.class);

    @Bean(destroyMethod = "close")
    Grok4Simulator grok4Simulator() {
        Grok4Simulator simulator = Grok4Simulator.start();
        LOG.info("No grok4.base-url, grok4.api-key or {} is set: started the embedded Grok-4 "
                + "simulator at {}; its answers are synthetic. Set them to call a real endpoint.",
                Grok4Config.API_KEY_ENV, simulator.baseUrl());
        return simulator;
    }

    @Bean
    Grok4ClientBuilderCustomizer simulatorEndpoint(Grok4Simulator grok4Simulator) {
        return builder -> builder.baseUrl(grok4Simulator.baseUrl().toString())
                .apiKey("simulator-key");
    }

    /** Holds when neither an endpoint nor a key is configured anywhere. */
    static final class NothingConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context,
                AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            String keyVariable = System.getenv(Grok4Config.API_KEY_ENV);
            boolean configured = env.containsProperty("grok4.base-url")
                    || env.containsProperty("grok4.api-key")
                    || (keyVariable != null && !keyVariable.isBlank());
            return configured ? ConditionOutcome.noMatch("a grok4 endpoint or key is configured")
                    : ConditionOutcome.match("no grok4 endpoint or key is configured");
        }
    }
}
