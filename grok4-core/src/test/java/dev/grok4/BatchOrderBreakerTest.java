package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.model.ChatRequest;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.LatencyProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Duplicates, a rejected item and uneven latency in one batch. */
class BatchOrderBreakerTest {
    @Test
    void duplicatesAndAFailureKeepEveryItemInItsPlace() {
        try (Grok4Simulator simulator = Grok4Simulator.builder()
                .latency(LatencyProfile.of(Duration.ofMillis(40), Duration.ofMillis(30)))
                .start()) {
            Grok4Client.Builder builder = Grok4Client.builder()
                    .baseUrl(simulator.baseUrl().toString());
            builder.settings().maxAttempts(1);
            List<@Nullable ChatRequest> requests = new ArrayList<>();
            String[] prompts = {"犬", "cat 🐱", "犬", "bird", "犬", "cat 🐱", "fish"};
            for (String prompt : prompts) {
                requests.add(ChatRequest.ofPrompt(prompt));
            }
            requests.add(3, null);

            try (Grok4Client client = builder.build()) {
                List<BatchResult> results = client.batch(requests,
                        BatchOptions.builder().parallelism(4).build());

                assertThat(results).hasSize(requests.size());
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i).index()).isEqualTo(i);
                }
                assertThat(results.get(3).isSuccess()).isFalse();
                assertThat(results.get(0).response().content()).contains("犬");
                assertThat(results.get(1).response().content()).contains("cat 🐱");
                assertThat(results.get(2).response().content()).contains("犬");
                assertThat(results.get(4).response().content()).contains("bird");
                assertThat(results.get(7).response().content()).contains("fish");
            }
        }
    }
}
