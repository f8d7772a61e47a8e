package dev.grok4.cli;

import dev.grok4.Grok4Config;
import picocli.CommandLine.Option;

/** The cache options of the commands that ask questions. */
final class CacheOptions {
    @Option(names = "--cache", paramLabel = "TYPE", defaultValue = "memory",
            description = "memory, redis or none. Default: memory.")
    Grok4Config.CacheType cache = Grok4Config.CacheType.MEMORY;

    @Option(names = "--redis-url", paramLabel = "URL", defaultValue = "redis://127.0.0.1:6379",
            description = "Redis for --cache redis. Default: redis://127.0.0.1:6379.")
    String redisUrl = "redis://127.0.0.1:6379";

    /** Returns settings with this cache. */
    Grok4Config.Builder settings() {
        return Grok4Config.builder().cacheType(cache).redisUrl(redisUrl);
    }
}
