package dev.grok4.micronaut;

import dev.grok4.model.ChatChunk;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ChatResponse;
import dev.grok4.model.Choice;
import dev.grok4.model.ChunkChoice;
import dev.grok4.model.ContentPart;
import dev.grok4.model.Cost;
import dev.grok4.model.FinishReason;
import dev.grok4.model.Message;
import dev.grok4.model.ModelInfo;
import dev.grok4.model.ResponseFormat;
import dev.grok4.model.ResponseSource;
import dev.grok4.model.Role;
import dev.grok4.model.Tool;
import dev.grok4.model.ToolCall;
import dev.grok4.model.ToolCallDelta;
import dev.grok4.model.ToolChoice;
import dev.grok4.model.Usage;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * Registers core's model types with Micronaut Serialization, so that applications can return
 * them from controllers without reflection. Core stays free of framework annotations; the
 * registration lives here. A test checks that every type in {@code dev.grok4.model} is listed.
 *
 * <p>Reading works through each type's public constructor. Writing does not yet: core's
 * record-style accessors ({@code usage()}) are not bean properties, so an instance is written as
 * {@code {}}; map to your own DTO before returning one, as the sample does.
 */
// TODO(#8): write core types with their properties (per-type mixins, or accessor metadata
// that Micronaut's introspection accepts for imported classes); an @AccessorsStyle mixin had no
// effect.
@SerdeImport(ChatChunk.class)
@SerdeImport(ChatRequest.class)
@SerdeImport(ChatResponse.class)
@SerdeImport(Choice.class)
@SerdeImport(ChunkChoice.class)
@SerdeImport(ContentPart.class)
@SerdeImport(ContentPart.Type.class)
@SerdeImport(Cost.class)
@SerdeImport(FinishReason.class)
@SerdeImport(Message.class)
@SerdeImport(ModelInfo.class)
@SerdeImport(ResponseFormat.class)
@SerdeImport(ResponseSource.class)
@SerdeImport(Role.class)
@SerdeImport(Tool.class)
@SerdeImport(ToolCall.class)
@SerdeImport(ToolCallDelta.class)
@SerdeImport(ToolChoice.class)
@SerdeImport(Usage.class)
final class Grok4ModelSerde {
    private Grok4ModelSerde() {}
}
