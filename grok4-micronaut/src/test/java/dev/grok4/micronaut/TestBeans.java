package dev.grok4.micronaut;

import dev.grok4.Grok4Client;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;

/** Beans that tests switch on with a property, so that each test sees only what it asks for. */
final class TestBeans {
    static final String USER_CLIENT = "test.user-client";
    static final String CUSTOMIZER = "test.customizer";
    static final String ORDERED = "test.ordered-customizers";
    static final int CUSTOM_ATTEMPTS = 7;

    private TestBeans() {}

    @Factory
    @Requires(property = USER_CLIENT, value = "true")
    static class UserClientFactory {
        final Grok4Client client = Grok4Client.builder()
                .baseUrl("http://127.0.0.1:9/v1")
                .model("user-model")
                .build();

        @Singleton
        @Bean(preDestroy = "close")
        Grok4Client userClient() {
            return client;
        }
    }

    @Singleton
    @Requires(property = CUSTOMIZER, value = "true")
    static class AttemptsCustomizer implements Grok4ClientCustomizer {
        @Override
        public void customize(Grok4Client.Builder builder) {
            builder.settings().maxAttempts(CUSTOM_ATTEMPTS);
        }
    }

    @Singleton
    @Order(2)
    @Requires(property = ORDERED, value = "true")
    static class SecondCustomizer implements Grok4ClientCustomizer {
        @Override
        public void customize(Grok4Client.Builder builder) {
            builder.model(builder.settings().build().model() + "-second");
        }
    }

    @Singleton
    @Order(1)
    @Requires(property = ORDERED, value = "true")
    static class FirstCustomizer implements Grok4ClientCustomizer {
        @Override
        public void customize(Grok4Client.Builder builder) {
            builder.model(builder.settings().build().model() + "-first");
        }
    }
}
