package dev.grok4.sample.quarkus;

import dev.grok4.Grok4Config;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jspecify.annotations.Nullable;

/**
 * Points the client at the {@link EmbeddedSimulator} in production mode when neither
 * {@code quarkus.grok4.api-key}, {@code GROK4_API_KEY} nor {@code quarkus.grok4.base-url} is
 * set. The simulator starts only when the base URL is first read at run time, never during the
 * build.
 */
public class EmbeddedSimulatorConfigSourceFactory implements ConfigSourceFactory {
    static final String BASE_URL = "quarkus.grok4.base-url";
    static final String API_KEY = "quarkus.grok4.api-key";
    /** Sent to the simulator, which accepts any key. */
    static final String PLACEHOLDER_KEY = "embedded-simulator";

    private final BooleanSupplier building;

    /** Used by SmallRye Config through the service loader. */
    public EmbeddedSimulatorConfigSourceFactory() {
        this(EmbeddedSimulatorConfigSourceFactory::augmenting);
    }

    EmbeddedSimulatorConfigSourceFactory(BooleanSupplier building) {
        this.building = building;
    }

    /** Returns the simulator's source in production mode with no endpoint, else nothing. */
    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean prod = context.getProfiles().isEmpty() || context.getProfiles().contains("prod");
        String envKey = System.getenv(Grok4Config.API_KEY_ENV);
        boolean configured = isSet(context.getValue(BASE_URL)) || isSet(context.getValue(API_KEY))
                || envKey != null && !envKey.isBlank();
        if (!prod || configured || building.getAsBoolean()) {
            return List.of();
        }
        return List.of(new SimulatorSource());
    }

    private static boolean isSet(@Nullable ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    /** True inside the Quarkus build, whose class path holds the deployment classes. */
    private static boolean augmenting() {
        try {
            Class.forName("io.quarkus.deployment.QuarkusAugmentor", false,
                    EmbeddedSimulatorConfigSourceFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Below every ordinary source, so that nothing the user sets is overridden. */
    static final class SimulatorSource implements ConfigSource {
        @Override
        public Set<String> getPropertyNames() {
            return Set.of(BASE_URL, API_KEY);
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of(BASE_URL, EmbeddedSimulator.baseUrl(), API_KEY, PLACEHOLDER_KEY);
        }

        @Override
        public @Nullable String getValue(String name) {
            return switch (name) {
                case BASE_URL -> EmbeddedSimulator.baseUrl();
                case API_KEY -> PLACEHOLDER_KEY;
                default -> null;
            };
        }

        @Override
        public String getName() {
            return "grok4-embedded-simulator";
        }

        @Override
        public int getOrdinal() {
            return 1;
        }
    }
}
