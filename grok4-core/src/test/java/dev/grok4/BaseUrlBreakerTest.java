package dev.grok4;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Base URLs that would silently send requests to a wrong path. */
class BaseUrlBreakerTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://gw.example/v1?api-key=QSECRET77",
            "https://gw.example/v1#models"})
    void queryOrFragmentInTheBaseUrlIsRejectedBecausePathsAreAppendedAfterIt(String url) {
        assertThatThrownBy(() -> Grok4Config.builder().baseUrl(url).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid baseUrl: https://gw.example/v1 ")
                .hasMessageNotContaining("QSECRET77");
    }
}
