package dev.grok4.sample.spring;

import dev.grok4.Grok4Client;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sample's own beans; the client itself comes from the starter. */
@Configuration(proxyBeanMethods = false)
class SampleConfiguration {
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService streamRelayExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "grok4-sse-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(threads);
    }

    @Bean
    ReplyStreamer replyStreamer(Grok4Client client, ExecutorService streamRelayExecutor) {
        return new ReplyStreamer(client, streamRelayExecutor);
    }
}
