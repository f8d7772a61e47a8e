package dev.grok4.micronaut;

import dev.grok4.Grok4Client;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces the {@link Grok4Client} bean from the {@code grok4.*} properties, unless the
 * application declares its own client or sets {@code grok4.enabled=false}.
 *
 * @since 0.1
 */
@Factory
public class Grok4Factory {
    private static final Logger LOG = LoggerFactory.getLogger(Grok4Factory.class);

    /** Creates the factory; called by the context. */
    public Grok4Factory() {}

    /**
     * Returns the client, closed when the context stops.
     *
     * @param configuration the bound {@code grok4.*} properties
     * @param customizers applied in order after the properties
     * @throws ConfigurationException naming the property, when a value is out of range
     */
    @Singleton
    @Bean(preDestroy = "close")
    @Requires(missingBeans = Grok4Client.class)
    @Requires(property = Grok4Settings.ENABLED, notEquals = "false")
    public Grok4Client grok4Client(Grok4Configuration configuration,
            List<Grok4ClientCustomizer> customizers) {
        Grok4Client.Builder builder = Grok4Client.builder();
        Grok4ConfigMapper.apply(configuration, builder.settings());
        customizers.forEach(customizer -> customizer.customize(builder));

        Grok4Client client = Grok4ConfigMapper.build(builder);
        LOG.debug("Created {}", client);
        return client;
    }
}
