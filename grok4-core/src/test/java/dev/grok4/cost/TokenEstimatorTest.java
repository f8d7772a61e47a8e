package dev.grok4.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.internal.tokens.TokenEstimator;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ContentPart;
import dev.grok4.model.Message;
import dev.grok4.model.Tool;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {
    private final TokenEstimator estimator = new TokenEstimator();

    @Test
    void countsTextWithO200kBase() {
        assertThat(estimator.count("Hello, world!")).isEqualTo(4);
        assertThat(estimator.count("")).isZero();
        assertThat(estimator.count(null)).isZero();
        assertThat(estimator.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void addsMessageOverheadAndTheOutputAllowance() {
        ChatRequest request = ChatRequest.ofPrompt("Hello, world!");

        int input = estimator.estimateInput(request);

        // priming 3 + per message 3 + "user" 1 + text 4
        assertThat(input).isEqualTo(11);
        assertThat(estimator.estimate(request))
                .isEqualTo(11 + TokenEstimator.DEFAULT_OUTPUT_TOKENS);
        assertThat(estimator.estimate(request.toBuilder().maxCompletionTokens(200).build()))
                .isEqualTo(211);
        assertThat(estimator.estimate(request.toBuilder().maxTokens(50).build())).isEqualTo(61);
        assertThat(new TokenEstimator(0).estimate(request)).isEqualTo(11);
    }

    @Test
    void countsToolSchemasNamesAndImages() {
        ChatRequest plain = ChatRequest.ofPrompt("Hello, world!");
        Tool tool = Tool.function("get_weather", "Weather for a city",
                "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
        ChatRequest withTool = plain.toBuilder().addTool(tool).build();
        ChatRequest withImage = ChatRequest.builder().addMessage(Message.user(List.of(
                ContentPart.text("Hello, world!"),
                ContentPart.imageUrl("https://example.com/a.png", "low")))).build();

        int toolTokens = estimator.estimateInput(withTool) - estimator.estimateInput(plain);

        assertThat(toolTokens).isEqualTo(8 + estimator.count("get_weather")
                + estimator.count("Weather for a city") + estimator.count(tool.parametersJson()));
        assertThat(estimator.estimateInput(withImage))
                .isEqualTo(estimator.estimateInput(plain) + 85);
    }
}
