package dev.grok4.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grok4.internal.cache.CacheKeys;
import dev.grok4.model.ChatRequest;
import dev.grok4.model.ContentPart;
import dev.grok4.model.Message;
import dev.grok4.model.ResponseFormat;
import dev.grok4.model.Tool;
import dev.grok4.model.ToolCall;
import dev.grok4.model.ToolChoice;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CacheKeysTest {
    private static final String BASE_URL = "https://api.x.ai/v1";
    private static final String API_KEY = "xai-secret-key-AAAA";
    private static final CacheKeys KEYS = new CacheKeys(BASE_URL, API_KEY);
    private static final ToolCall CALL = new ToolCall("call_1", "lookup", "{\"q\":\"a\"}");

    /** A request with every field set, so that each variant below changes exactly one. */
    private static ChatRequest.Builder base() {
        return ChatRequest.builder()
                .addMessage(Message.system("Be brief."))
                .addMessage(Message.user(List.of(ContentPart.text("Look at this"),
                        ContentPart.imageUrl("https://example.com/a.png", "low"))))
                .addMessage(Message.assistant(null, List.of(CALL)))
                .addMessage(Message.tool("call_1", "result A"))
                .addMessage(Message.user("And now?").withName("alice"))
                .temperature(0.7).topP(0.9).presencePenalty(0.1).frequencyPenalty(0.2)
                .maxCompletionTokens(200).maxTokens(300).seed(42L).n(1)
                .stop(List.of("END")).user("user-1")
                .addTool(Tool.function("lookup", "Looks things up", "{\"type\":\"object\"}"))
                .toolChoice(ToolChoice.auto()).parallelToolCalls(true)
                .responseFormat(ResponseFormat.jsonObject()).reasoningEffort("low")
                .extraBody("search_parameters", Map.of("mode", "auto"));
    }

    /** Resolves the model the way the client does: the request's, else the configured one. */
    private static String key(ChatRequest.Builder builder) {
        ChatRequest request = builder.build();
        return KEYS.key(request, request.model() == null ? "grok-4" : request.model());
    }

    static Stream<Arguments> everyOutputAffectingField() {
        List<Arguments> variants = new ArrayList<>();
        add(variants, "model", b -> b.model("grok-3"));
        add(variants, "message order", b -> {
            List<Message> messages = new ArrayList<>(b.build().messages());
            java.util.Collections.swap(messages, 0, 4);
            return b.messages(messages);
        });
        add(variants, "message role", b -> replaceLast(b, Message.assistant("And now?")
                .withName("alice")));
        add(variants, "message text", b -> replaceLast(b, Message.user("And now!")
                .withName("alice")));
        add(variants, "message name", b -> replaceLast(b, Message.user("And now?")
                .withName("bob")));
        add(variants, "message without name", b -> replaceLast(b, Message.user("And now?")));
        add(variants, "content part text", b -> replace(b, 1, Message.user(List.of(
                ContentPart.text("Look at that"),
                ContentPart.imageUrl("https://example.com/a.png", "low")))));
        add(variants, "content part image", b -> replace(b, 1, Message.user(List.of(
                ContentPart.text("Look at this"),
                ContentPart.imageUrl("https://example.com/b.png", "low")))));
        add(variants, "content part detail", b -> replace(b, 1, Message.user(List.of(
                ContentPart.text("Look at this"),
                ContentPart.imageUrl("https://example.com/a.png", "high")))));
        add(variants, "tool call id", b -> replace(b, 2, Message.assistant(null,
                List.of(new ToolCall("call_2", "lookup", "{\"q\":\"a\"}")))));
        add(variants, "tool call name", b -> replace(b, 2, Message.assistant(null,
                List.of(new ToolCall("call_1", "search", "{\"q\":\"a\"}")))));
        add(variants, "tool call arguments", b -> replace(b, 2, Message.assistant(null,
                List.of(new ToolCall("call_1", "lookup", "{\"q\":\"b\"}")))));
        add(variants, "assistant text beside tool calls", b -> replace(b, 2,
                Message.assistant("Let me look.", List.of(CALL))));
        add(variants, "tool result id", b -> replace(b, 3, Message.tool("call_9", "result A")));
        add(variants, "tool result", b -> replace(b, 3, Message.tool("call_1", "result B")));
        add(variants, "temperature", b -> b.temperature(0.8));
        add(variants, "temperature unset", b -> b.temperature(null));
        add(variants, "top_p", b -> b.topP(0.95));
        add(variants, "presence_penalty", b -> b.presencePenalty(0.5));
        add(variants, "frequency_penalty", b -> b.frequencyPenalty(0.5));
        add(variants, "max_completion_tokens", b -> b.maxCompletionTokens(201));
        add(variants, "max_tokens", b -> b.maxTokens(301));
        add(variants, "seed", b -> b.seed(43L));
        add(variants, "n", b -> b.n(2));
        add(variants, "stop", b -> b.stop(List.of("STOP")));
        add(variants, "stop empty", b -> b.stop(List.of()));
        add(variants, "user", b -> b.user("user-2"));
        add(variants, "tool name", b -> b.tools(List.of(Tool.function("find", "Looks things up",
                "{\"type\":\"object\"}"))));
        add(variants, "tool description", b -> b.tools(List.of(Tool.function("lookup",
                "Finds things", "{\"type\":\"object\"}"))));
        add(variants, "tool schema", b -> b.tools(List.of(Tool.function("lookup",
                "Looks things up", "{\"type\":\"object\",\"required\":[]}"))));
        add(variants, "tool strict", b -> b.tools(List.of(Tool.function("lookup",
                "Looks things up", "{\"type\":\"object\"}").strict(true))));
        add(variants, "no tools", b -> b.tools(List.of()));
        add(variants, "tool_choice", b -> b.toolChoice(ToolChoice.required()));
        add(variants, "tool_choice function", b -> b.toolChoice(ToolChoice.function("lookup")));
        add(variants, "parallel_tool_calls", b -> b.parallelToolCalls(false));
        add(variants, "response_format", b -> b.responseFormat(ResponseFormat.text()));
        add(variants, "response_format schema", b -> b.responseFormat(
                ResponseFormat.jsonSchema("answer", "{\"type\":\"object\"}", true)));
        add(variants, "reasoning_effort", b -> b.reasoningEffort("high"));
        add(variants, "extra body value", b -> b.extraBody("search_parameters",
                Map.of("mode", "off")));
        add(variants, "extra body field", b -> b.extraBody("deferred", true));
        return variants.stream();
    }

    private static void add(List<Arguments> variants, String field,
            UnaryOperator<ChatRequest.Builder> change) {
        variants.add(Arguments.of(field, change));
    }

    private static ChatRequest.Builder replace(ChatRequest.Builder b, int index, Message m) {
        List<Message> messages = new ArrayList<>(b.build().messages());
        messages.set(index, m);
        return b.messages(messages);
    }

    private static ChatRequest.Builder replaceLast(ChatRequest.Builder b, Message m) {
        return replace(b, 4, m);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOutputAffectingField")
    void changesWhenAnOutputAffectingFieldChanges(String field,
            UnaryOperator<ChatRequest.Builder> change) {
        String changed = key(change.apply(base()));

        assertThat(changed).as(field).isNotEqualTo(key(base()));
    }

    @Test
    void everyVariantHasItsOwnKey() {
        Set<String> keys = new HashSet<>();
        keys.add(key(base()));
        everyOutputAffectingField().forEach(a -> {
            @SuppressWarnings("unchecked")
            UnaryOperator<ChatRequest.Builder> change =
                    (UnaryOperator<ChatRequest.Builder>) a.get()[1];
            keys.add(key(change.apply(base())));
        });

        assertThat(keys).hasSize((int) everyOutputAffectingField().count() + 1);
    }

    @Test
    void isStableAndIgnoresCacheable() {
        assertThat(key(base())).isEqualTo(key(base()));
        assertThat(key(base().cacheable(false))).isEqualTo(key(base()));
    }

    @Test
    void usesTheResolvedModelSoAnUnsetModelMatchesTheDefault() {
        ChatRequest unset = base().build();
        ChatRequest explicit = base().model("grok-4").build();

        assertThat(KEYS.key(unset, "grok-4")).isEqualTo(KEYS.key(explicit, "grok-4"));
        assertThat(KEYS.key(unset, "grok-4")).isNotEqualTo(KEYS.key(unset, "grok-3"));
    }

    @Test
    void normalisesNumbersAndSortsMaps() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", List.of(2.50, 3L));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", List.of(2.5f, 3));
        ba.put("a", 1.0);

        String first = key(base().extraBody("opts", ab).extraBody("z", 1));
        String second = key(base().extraBody("z", 1.0).extraBody("opts", ba));

        assertThat(first).isEqualTo(second);
        assertThat(key(base().temperature(1.0))).isEqualTo(key(base().temperature(1d)));
        assertThat(key(base().extraBody("z", "1"))).isNotEqualTo(key(base().extraBody("z", 1)));
    }

    @Test
    void separatesTenantsAndBaseUrls() {
        ChatRequest request = base().build();
        CacheKeys otherTenant = new CacheKeys(BASE_URL, "xai-secret-key-BBBB");
        CacheKeys otherGateway = new CacheKeys("https://gateway.example/v1", API_KEY);

        String mine = KEYS.key(request, "grok-4");
        String theirs = otherTenant.key(request, "grok-4");

        assertThat(KEYS.namespace()).isNotEqualTo(otherTenant.namespace()).hasSize(16);
        assertThat(mine).startsWith(KEYS.namespace() + ":");
        assertThat(theirs).startsWith(otherTenant.namespace() + ":").isNotEqualTo(mine);
        assertThat(otherGateway.key(request, "grok-4")).isNotEqualTo(mine);
    }

    @Test
    void neverContainsTheKeyOrThePrompt() {
        String key = key(base());

        assertThat(key).doesNotContain(API_KEY).doesNotContain("secret")
                .doesNotContain("And now").matches("[0-9a-f]{16}:[0-9a-f]{64}");
        assertThat(CacheKeys.namespaceOf(null)).isEqualTo("anonymous");
        assertThat(CacheKeys.namespaceOf("")).isEqualTo("anonymous");
    }
}
