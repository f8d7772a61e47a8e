package dev.grok4.quarkus.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With no quarkus.grok4 property, the injected client has exactly core's defaults. */
class Grok4DefaultsTest {
    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.grok4.devservices.enabled", "false");

    @Inject
    Grok4Client client;

    @Test
    void everySettingEqualsCoreDefault() throws Exception {
        Grok4Config mapped = client.config();
        Grok4Config core = Grok4Config.defaults();

        List<String> compared = new ArrayList<>();
        for (Method accessor : settingAccessors()) {
            assertThat(accessor.invoke(mapped)).as(accessor.getName())
                    .isEqualTo(accessor.invoke(core));
            compared.add(accessor.getName());
        }

        assertThat(compared).contains("baseUrl", "model", "fallbackModels", "connectTimeout",
                "requestTimeout", "maxConcurrent", "permitTimeout", "maxAttempts",
                "retryBaseDelay", "retryMaxDelay", "maxServerDelay", "cacheType", "cacheTtl",
                "cacheMaxEntries", "cacheKeyPrefix", "redisUrl", "usdToJpy", "metricsEnabled",
                "providerName", "rateLimitStore", "streamUsage", "circuitBreakerEnabled");
        assertThat(compared).hasSizeGreaterThanOrEqualTo(28);
    }

    @Test
    void clientPointsAtCoreDefaultEndpoint() {
        assertThat(client.config().baseUrl()).isEqualTo(Grok4Config.DEFAULT_BASE_URL);
        assertThat(client.config().apiKey()).isNull();
    }

    /** Every public no-argument accessor of Grok4Config that returns a setting. */
    private static List<Method> settingAccessors() {
        List<Method> accessors = new ArrayList<>();
        for (Method method : Grok4Config.class.getDeclaredMethods()) {
            boolean accessor = Modifier.isPublic(method.getModifiers())
                    && !Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 0
                    && method.getReturnType() != Grok4Config.Builder.class
                    && !List.of("toString", "hashCode").contains(method.getName());
            if (accessor) {
                accessors.add(method);
            }
        }
        return accessors;
    }
}
