package dev.grok4.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link java.net.URI} test parameter that {@link Grok4SimulatorExtension} fills with
 * the simulator's {@linkplain Grok4Simulator#baseUrl() base URL}.
 *
 * <pre>{@code
 * @Test
 * void answers(@SimulatorBaseUrl URI baseUrl) { ... }
 * }</pre>
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface SimulatorBaseUrl {
}
