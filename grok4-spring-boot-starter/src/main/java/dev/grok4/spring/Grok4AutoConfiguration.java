package dev.grok4.spring;

import dev.grok4.Grok4Client;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;

/**
 * Creates a {@link Grok4Client} bean from the {@code grok4.*} properties, unless the application
 * defines its own or sets {@code grok4.enabled=false}.
 *
 * <p>When present, it also binds metrics to Micrometer, masks the API key in Actuator endpoints
 * and, with {@code grok4.health.enabled=true}, adds a {@code grok4} health indicator. One jar
 * serves Spring Boot 4 and 3.5: classes that moved between them are named by string and their
 * users live in separate classes loaded only when their condition holds.
 *
 * @since 0.1
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure"
            + ".CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics"
            + ".CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(Grok4Client.class)
@ConditionalOnProperty(prefix = Grok4Properties.PREFIX, name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(Grok4Properties.class)
@ImportRuntimeHints(Grok4RuntimeHints.class)
public class Grok4AutoConfiguration {
    static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    static final String BOOT4_HEALTH_INDICATOR =
            "org.springframework.boot.health.contributor.HealthIndicator";

    static final String SANITIZING_FUNCTION =
            "org.springframework.boot.actuate.endpoint.SanitizingFunction";

    /** Creates the auto-configuration; Spring calls this. */
    public Grok4AutoConfiguration() {}

    /**
     * Returns the client: the properties, then every customizer in order, then core's checks.
     *
     * @throws InvalidGrok4PropertyException naming the property whose value core rejects
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Grok4Client grok4Client(Grok4Properties properties, Environment environment,
            ObjectProvider<Grok4ClientBuilderCustomizer> customizers) {
        Grok4Client.Builder builder = Grok4Client.builder();
        Grok4PropertiesMapper.apply(properties, ApplicationRedis.url(environment), builder);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return Grok4PropertiesMapper.build(builder);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = METER_REGISTRY)
    @ConditionalOnBean(type = METER_REGISTRY)
    @ConditionalOnProperty(prefix = "grok4.metrics", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static class MicrometerConfiguration {
        @Bean
        MicrometerGrok4Binding grok4MicrometerBinding(MeterRegistry registry,
                Grok4Properties properties) {
            return new MicrometerGrok4Binding(registry, properties.getMetrics().getProviderName());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = SANITIZING_FUNCTION)
    static class SanitizingConfiguration {
        @Bean
        Grok4ApiKeySanitizer grok4ApiKeySanitizer() {
            return new Grok4ApiKeySanitizer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "grok4.health", name = "enabled", havingValue = "true")
    static class HealthConfiguration {
        static Grok4HealthProbe probe(Grok4Client client, Grok4Properties properties) {
            return new Grok4HealthProbe(client, properties.getHealth().getCacheTtl(),
                    Clock.systemUTC());
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = BOOT4_HEALTH_INDICATOR)
        static class Boot4HealthConfiguration {
            @Bean
            Grok4HealthProbe grok4HealthProbe(Grok4Client client, Grok4Properties properties) {
                return probe(client, properties);
            }

            @Bean
            @ConditionalOnMissingBean(name = "grok4HealthIndicator")
            Boot4Grok4HealthIndicator grok4HealthIndicator(Grok4HealthProbe probe) {
                return new Boot4Grok4HealthIndicator(probe);
            }
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = Boot3Grok4HealthIndicatorRegistrar.HEALTH_INDICATOR)
        @ConditionalOnMissingClass(BOOT4_HEALTH_INDICATOR)
        @Import(Boot3Grok4HealthIndicatorRegistrar.class)
        static class Boot3HealthConfiguration {
            @Bean
            Grok4HealthProbe grok4HealthProbe(Grok4Client client, Grok4Properties properties) {
                return probe(client, properties);
            }
        }
    }
}
