package dev.grok4.internal.resilience;

import dev.grok4.Grok4Config;
import dev.grok4.Grok4Exception;
import java.time.Duration;

/**
 * A separate process sharing a Redis rate-limit bucket: tries {@code attempts} reservations and
 * prints {@code granted=N}. Arguments: redis URL, API key, requests per minute, attempts.
 */
public final class RedisRateLimitWorker {
    private RedisRateLimitWorker() {
    }

    /** Runs the worker. */
    public static void main(String[] args) {
        var config = Grok4Config.builder()
                .rateLimitStore(Grok4Config.RateLimitStore.REDIS)
                .redisUrl(args[0])
                .requestsPerMinute(Integer.parseInt(args[2]))
                .permitTimeout(Duration.ofMillis(50))
                .build();
        int granted = 0;
        try (RateLimiter limiter = RateLimiter.from(config, args[1])) {
            for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                try {
                    limiter.reserve(0);
                    granted++;
                } catch (Grok4Exception e) {
                    // Refused: the shared budget is spent.
                }
            }
        }
        System.out.println("granted=" + granted);
        System.exit(0);
    }
}
