package dev.grok4.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.Grok4Client;
import dev.grok4.Grok4Config;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Grok4PropertiesDefaultsTest {
    private static final Set<String> NOT_SETTINGS =
            Set.of("toString", "hashCode", "equals", "toBuilder", "getClass", "defaults",
                    "builder", "notify", "notifyAll", "wait");

    @Test
    void everyPropertyDefaultEqualsCoreDefault() {
        Grok4Properties p = new Grok4Properties();
        Grok4Config core = Grok4Config.defaults();

        assertThat(p.getApiKey()).isEqualTo(core.apiKey());
        assertThat(p.getBaseUrl()).isEqualTo(core.baseUrl());
        assertThat(p.getModel()).isEqualTo(core.model());
        assertThat(p.getFallbackModels()).isEqualTo(core.fallbackModels());
        assertThat(p.getConnectTimeout()).isEqualTo(core.connectTimeout());
        assertThat(p.getRequestTimeout()).isEqualTo(core.requestTimeout());
        assertThat(p.isDropUnsupportedParameters()).isEqualTo(core.dropUnsupportedParameters());
        assertThat(p.getCapabilitiesFile()).isEqualTo(core.capabilitiesFile());
        assertThat(p.isStreamUsage()).isEqualTo(core.streamUsage());
        assertThat(p.getMaxConcurrent()).isEqualTo(core.maxConcurrent());
        assertThat(p.getPermitTimeout()).isEqualTo(core.permitTimeout());
        assertThat(p.getRequestsPerMinute()).isEqualTo(core.requestsPerMinute());
        assertThat(p.getTokensPerMinute()).isEqualTo(core.tokensPerMinute());
        assertThat(p.getRateLimitStore()).isEqualTo(core.rateLimitStore());
        assertThat(p.getRetry().getMaxAttempts()).isEqualTo(core.maxAttempts());
        assertThat(p.getRetry().getBaseDelay()).isEqualTo(core.retryBaseDelay());
        assertThat(p.getRetry().getMaxDelay()).isEqualTo(core.retryMaxDelay());
        assertThat(p.getRetry().getMaxServerDelay()).isEqualTo(core.maxServerDelay());
        assertThat(p.getCircuitBreaker().isEnabled()).isEqualTo(core.circuitBreakerEnabled());
        assertThat(p.getCache().getType()).isEqualTo(core.cacheType());
        assertThat(p.getCache().getTtl()).isEqualTo(core.cacheTtl());
        assertThat(p.getCache().getMaxEntries()).isEqualTo(core.cacheMaxEntries());
        assertThat(p.getCache().getKeyPrefix()).isEqualTo(core.cacheKeyPrefix());
        assertThat(p.getCache().getRedisUrl()).isEqualTo(core.redisUrl());
        assertThat(p.getPricing().getUsdToJpy()).isEqualTo(core.usdToJpy());
        assertThat(p.getPricing().getFile()).isEqualTo(core.pricingFile());
        assertThat(p.getMetrics().isEnabled()).isEqualTo(core.metricsEnabled());
        assertThat(p.getMetrics().getProviderName()).isEqualTo(core.providerName());
    }

    @Test
    void starterOnlySwitchesHaveTheirDocumentedDefaults() {
        Grok4Properties p = new Grok4Properties();

        assertThat(p.isEnabled()).isTrue();
        assertThat(p.getHealth().isEnabled()).isFalse();
        assertThat(p.getHealth().getCacheTtl()).hasSeconds(60);
    }

    @Test
    void mappingTheDefaultPropertiesGivesCoreDefaultsForEverySetting() throws Exception {
        Grok4Client.Builder builder = Grok4Client.builder();
        Grok4PropertiesMapper.apply(new Grok4Properties(), null, builder);
        Grok4Config mapped = builder.settings().build();

        List<Method> accessors = settingAccessors();
        assertThat(accessors).hasSizeGreaterThanOrEqualTo(28);
        for (Method accessor : accessors) {
            assertThat(accessor.invoke(mapped)).as(accessor.getName())
                    .isEqualTo(accessor.invoke(Grok4Config.defaults()));
        }
    }

    @Test
    void everyCoreSettingHasAProperty() {
        List<String> settings = Arrays.stream(Grok4Config.Builder.class.getMethods())
                .filter(m -> m.getDeclaringClass() == Grok4Config.Builder.class)
                .map(Method::getName).filter(name -> !name.equals("build")).toList();

        assertThat(settings).hasSizeGreaterThanOrEqualTo(28);
        for (String setting : settings) {
            assertThat(Grok4PropertiesMapper.propertyOf(setting)).as(setting)
                    .isIn(ConfigurationMetadataTest.EXPECTED_PROPERTIES);
        }
    }

    static List<Method> settingAccessors() {
        return Arrays.stream(Grok4Config.class.getMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !NOT_SETTINGS.contains(m.getName())).toList();
    }
}
