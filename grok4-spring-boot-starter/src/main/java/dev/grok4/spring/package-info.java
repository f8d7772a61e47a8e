/**
 * Spring Boot auto-configuration of a {@link dev.grok4.Grok4Client}: {@code grok4.*} properties,
 * builder customizers, Micrometer metrics, an opt-in Actuator health indicator, masking of the
 * API key in Actuator endpoints and native-image hints. Works on Spring Boot 4 and 3.5.
 */
@NullMarked
package dev.grok4.spring;

import org.jspecify.annotations.NullMarked;
