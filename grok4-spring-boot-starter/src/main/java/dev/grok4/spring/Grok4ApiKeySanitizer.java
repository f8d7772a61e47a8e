package dev.grok4.spring;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the API key in Actuator's {@code env} and {@code configprops} endpoints, even when an
 * application shows their values ({@code show-values=ALWAYS}).
 *
 * <p>Matches the key's names as each endpoint reports them: {@code grok4.api-key} (and its
 * relaxed forms) in {@code env}, the {@code apiKey} field in {@code configprops} and the
 * {@code GROK4_API_KEY} environment variable. Same type on Boot 4 and 3.5. Thread-safe.
 */
final class Grok4ApiKeySanitizer implements SanitizingFunction {
    private static final Set<String> KEYS = Set.of("grok4apikey", "apikey");

    @Override
    public SanitizableData apply(SanitizableData data) {
        String key = data.getKey().replaceAll("[-_.\\[\\]]", "").toLowerCase(Locale.ROOT);
        return KEYS.contains(key) && data.getValue() != null ? data.withSanitizedValue() : data;
    }
}
