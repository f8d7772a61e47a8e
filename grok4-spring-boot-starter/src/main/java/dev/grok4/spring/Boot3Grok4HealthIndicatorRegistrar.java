package dev.grok4.spring;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the health indicator on Spring Boot 3.5, where health types live in
 * {@code org.springframework.boot.actuate.health}.
 *
 * <p>The starter is compiled against Boot 4, which no longer has those types, so the indicator is
 * a proxy of Boot 3's {@code HealthIndicator} whose {@code Health} is built reflectively. The bean
 * definition declares the interface as its type so that Actuator finds it before it is created.
 */
final class Boot3Grok4HealthIndicatorRegistrar
        implements ImportBeanDefinitionRegistrar, BeanFactoryAware, BeanClassLoaderAware {
    static final String HEALTH_INDICATOR =
            "org.springframework.boot.actuate.health.HealthIndicator";

    private static final String HEALTH = "org.springframework.boot.actuate.health.Health";

    private @Nullable BeanFactory beanFactory;
    private @Nullable ClassLoader classLoader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata,
            BeanDefinitionRegistry registry) {
        ClassLoader loader = classLoader;
        Class<?> type = ClassUtils.resolveClassName(HEALTH_INDICATOR, loader);
        BeanFactory factory = requireNonNull(beanFactory, "beanFactory");
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setTargetType(type);
        definition.setInstanceSupplier(
                () -> create(type, factory.getBean(Grok4HealthProbe.class), loader));
        registry.registerBeanDefinition("grok4HealthIndicator", definition);
    }

    /** Returns a Boot 3 {@code HealthIndicator} whose {@code health()} asks the probe. */
    static Object create(Class<?> indicatorType, Grok4HealthProbe probe,
            @Nullable ClassLoader loader) {
        Class<?> health = ClassUtils.resolveClassName(HEALTH, loader);
        InvocationHandler handler = (proxy, method, args) -> invoke(proxy, method, args, probe,
                health);
        return Proxy.newProxyInstance(indicatorType.getClassLoader(),
                new Class<?>[] {indicatorType}, handler);
    }

    private static @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args,
            Grok4HealthProbe probe, Class<?> health) throws Throwable {
        switch (method.getName()) {
            case "health":
                return toHealth(probe.check(), health);
            case "toString":
                return "Grok4HealthIndicator[boot3]";
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return args != null && proxy == args[0];
            default:
                return InvocationHandler.invokeDefault(proxy, method, args);
        }
    }

    private static Object toHealth(Grok4HealthProbe.Result result, Class<?> health)
            throws ReflectiveOperationException {
        Object builder = health.getMethod(result.up() ? "up" : "down").invoke(null);
        Method withDetails = builder.getClass().getMethod("withDetails", Map.class);
        withDetails.invoke(builder, result.details());
        return builder.getClass().getMethod("build").invoke(builder);
    }
}
