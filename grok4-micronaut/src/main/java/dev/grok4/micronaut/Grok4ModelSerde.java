package dev.grok4.micronaut;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
import io.micronaut.core.annotation.AccessorsStyle;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * Registers core's model types with Micronaut Serialization, so that applications can return
 * them from controllers without reflection. Core stays free of framework annotations; the
 * registration lives here. A test checks that every type in {@code dev.grok4.model} is listed.
 *
 * <p>Core reads properties record-style ({@code usage()}), hence {@link AccessorsStyle} with no
 * read prefix; the mixins hide {@code hashCode}, {@code toString} and {@code toBuilder}, which
 * that style would otherwise take for properties. Types are written with their Java property
 * names ({@code promptTokens}), not the API's wire names, and read through their public
 * constructors.
 */
@SerdeImport(value = ChatChunk.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = ChatRequest.class, mixin = Grok4ModelSerde.RequestMethods.class)
@SerdeImport(value = ChatResponse.class, mixin = Grok4ModelSerde.ResponseMethods.class)
@SerdeImport(value = Choice.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = ChunkChoice.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = ContentPart.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = ContentPart.Type.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = Cost.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = FinishReason.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = Message.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = ModelInfo.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = ResponseFormat.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = ResponseSource.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = Role.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = Tool.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = ToolCall.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = ToolCallDelta.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = ToolChoice.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@SerdeImport(value = Usage.class, mixin = Grok4ModelSerde.ObjectMethods.class)
@AccessorsStyle(readPrefixes = "")
final class Grok4ModelSerde {
    private Grok4ModelSerde() {}

    /** Hides what record-style reading would otherwise take for properties. */
    interface ObjectMethods {
        @JsonIgnore
        int hashCode();

        @JsonIgnore
        String toString();
    }

    /** {@link ObjectMethods} for {@link ChatRequest}, whose builder is not data. */
    interface RequestMethods {
        @JsonIgnore
        int hashCode();

        @JsonIgnore
        String toString();

        @JsonIgnore
        ChatRequest.Builder toBuilder();
    }

    /** {@link ObjectMethods} for {@link ChatResponse}, whose builder is not data. */
    interface ResponseMethods {
        @JsonIgnore
        int hashCode();

        @JsonIgnore
        String toString();

        @JsonIgnore
        ChatResponse.Builder toBuilder();
    }
}
