package dev.grok4.sample.micronaut;

import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;

/** The {@code POST /chat} request body. */
@Serdeable
record PromptBody(@Nullable String prompt) {}
