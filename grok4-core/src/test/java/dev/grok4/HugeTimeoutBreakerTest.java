package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.Grok4SimulatorExtension;
import dev.grok4.testkit.LatencyProfile;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Wait as long as it takes" written as a huge timeout must still let calls through. */
@ExtendWith(Grok4SimulatorExtension.class)
class HugeTimeoutBreakerTest {
    @ParameterizedTest
    @ValueSource(strings = {"days", "forever"})
    void chatWorksWithAVeryLongRequestTimeout(String which, Grok4Simulator simulator) {
        Duration huge = which.equals("days") ? Duration.ofDays(365L * 300)
                : ChronoUnit.FOREVER.getDuration();
        Grok4Client.Builder builder = Grok4Client.builder().baseUrl(simulator.baseUrl().toString())
                .requestTimeout(huge);
        builder.settings().cacheType(Grok4Config.CacheType.NONE).connectTimeout(huge)
                .permitTimeout(huge).retryMaxDelay(huge).maxServerDelay(huge);

        try (Grok4Client client = builder.build()) {
            String content = client.chat(ChatRequest.ofPrompt("長い待ち")).content();
            StringBuilder streamed = new StringBuilder();
            try (ChatStream stream = client.stream(ChatRequest.ofPrompt("長い待ち"))) {
                stream.forEach(chunk -> streamed.append(chunk.content()));
            }

            assertThat(content).isNotBlank();
            assertThat(streamed.toString()).isEqualTo(content);
        }
    }

    @Test
    void callsQueueForASlotWithAVeryLongPermitTimeout() throws Exception {
        try (Grok4Simulator slow = Grok4Simulator.builder()
                .latency(LatencyProfile.fixed(Duration.ofMillis(300))).start()) {
            Grok4Client.Builder builder = Grok4Client.builder().baseUrl(slow.baseUrl().toString());
            builder.settings().cacheType(Grok4Config.CacheType.NONE).maxConcurrent(1)
                    .permitTimeout(ChronoUnit.FOREVER.getDuration());

            try (Grok4Client client = builder.build()) {
                CompletableFuture<ChatResponse> first = client.chatAsync(ChatRequest.ofPrompt("a"));
                CompletableFuture<ChatResponse> second =
                        client.chatAsync(ChatRequest.ofPrompt("b"));

                assertThat(first.get(30, TimeUnit.SECONDS).content()).isNotBlank();
                assertThat(second.get(30, TimeUnit.SECONDS).content()).isNotBlank();
                assertThat(slow.maxConcurrentRequests()).isEqualTo(1);
            }
        }
    }
}
