package dev.grok4.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A whole application started with a bad property: the failure report names the property. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {
    @Test
    void reportsTheInvalidPropertyAndWhatToDo(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE);

        assertThatThrownBy(() -> app.run("--grok4.max-concurrent=0",
                "--grok4.api-key=xai-TESTSECRET-9f3b2c"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("Invalid grok4.max-concurrent: 0; expected at least 1")
                .contains("Change grok4.max-concurrent in the application's configuration")
                .doesNotContain("xai-TESTSECRET-9f3b2c");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}
}
