package dev.grok4.quarkus.deployment;

import dev.grok4.Grok4Client;
import dev.grok4.quarkus.Grok4ClientCustomizer;
import dev.grok4.quarkus.runtime.Grok4MicrometerCustomizer;
import dev.grok4.quarkus.runtime.Grok4ReadinessCheck;
import dev.grok4.quarkus.runtime.Grok4Recorder;
import io.quarkus.arc.BeanDestroyer;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Build steps of the Grok-4 extension: the client bean and the optional integrations.
 */
class Grok4Processor {
    static final String FEATURE = "grok4";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /**
     * The client is a default bean, so an application's own {@code Grok4Client} bean replaces
     * it. It is created at startup, so that a setting the client rejects (an unreadable
     * capabilities file, say) stops the application at once rather than on first use. It
     * carries only the {@code @Default} qualifier on purpose: no {@code @Named}, which would add
     * nothing but a second way to collide with the application's bean.
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    SyntheticBeanBuildItem client(Grok4Recorder recorder) {
        return SyntheticBeanBuildItem.configure(Grok4Client.class)
                .types(Grok4Client.class)
                .scope(Singleton.class)
                .defaultBean()
                .unremovable()
                .startup()
                .setRuntimeInit()
                .checkActive(recorder.active())
                .createWith(recorder.client())
                .destroyer(BeanDestroyer.AutoCloseableDestroyer.class)
                .done();
    }

    @BuildStep
    UnremovableBeanBuildItem customizers() {
        return UnremovableBeanBuildItem.beanTypes(Grok4ClientCustomizer.class);
    }

    @BuildStep
    void integrations(Capabilities capabilities, Optional<MetricsCapabilityBuildItem> metrics,
            BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(Grok4ReadinessCheck.class));
        }
        boolean micrometer = metrics.map(m -> m.metricsSupported(MetricsFactory.MICROMETER))
                .orElse(false);
        if (micrometer) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(Grok4MicrometerCustomizer.class));
        }
    }
}
