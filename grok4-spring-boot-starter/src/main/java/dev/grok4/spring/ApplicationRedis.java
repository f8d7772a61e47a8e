package dev.grok4.spring;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * Finds the application's own Redis in Spring Boot's {@code spring.data.redis.*} properties, so
 * that the cache and rate limits share it when {@code grok4.cache.redis-url} is not set. Best
 * effort: a URL, or host, port, database and credentials; sentinel and cluster set-ups need the
 * grok4 property.
 */
final class ApplicationRedis {
    private ApplicationRedis() {}

    /** Returns the Redis URL to use instead of the grok4 default, or null to keep it. */
    static @Nullable String url(Environment env) {
        if (env.containsProperty("grok4.cache.redis-url")) {
            return null;
        }
        String url = env.getProperty("spring.data.redis.url");
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        String host = env.getProperty("spring.data.redis.host");
        if (host == null || host.isBlank()) {
            return null;
        }
        boolean ssl = env.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false);
        String port = env.getProperty("spring.data.redis.port", "6379");
        String database = env.getProperty("spring.data.redis.database", "0");
        return (ssl ? "rediss://" : "redis://") + credentials(env) + host.strip() + ":" + port
                + "/" + database;
    }

    private static String credentials(Environment env) {
        String password = env.getProperty("spring.data.redis.password");
        if (password == null || password.isEmpty()) {
            return "";
        }
        String username = env.getProperty("spring.data.redis.username", "");
        return encode(username) + ":" + encode(password) + "@";
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
