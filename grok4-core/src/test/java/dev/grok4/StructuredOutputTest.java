package dev.grok4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.grok4.model.ChatRequest;
import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StructuredOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Grok4Simulator simulator;
    private static Grok4Client client;

    /** A reply shape with a nested record and a list. */
    record City(String name, int population, List<String> districts, Mayor mayor) {}

    /** Nested in {@link City}. */
    record Mayor(String name, boolean elected) {}

    /** A plain class with fields, not a record. */
    static final class Person {
        public String name;
        public int age;
    }

    @BeforeAll
    static void start() {
        simulator = Grok4Simulator.start();
        client = Grok4ClientTest.singleExchange(Grok4Client.builder())
                        .baseUrl(simulator.baseUrl().toString())
                .environment(name -> null).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    private static void reply(String content, String refusal) {
        ObjectNode body = JSON.createObjectNode().put("id", "s1").put("model", "grok-4");
        ObjectNode message = body.putArray("choices").addObject().put("index", 0)
                .put("finish_reason", "stop").putObject("message").put("role", "assistant");
        message.put("content", content);
        message.put("refusal", refusal);
        simulator.enqueue(ScriptedResponse.json(200, body.toString()));
    }

    @Test
    void sendsAStrictSchemaAndReadsARecord() {
        reply("{\"name\":\"Tokyo\",\"population\":14000000,\"districts\":[\"Chiyoda\","
                + "\"Minato\"],\"mayor\":{\"name\":\"Koike\",\"elected\":true}}", null);

        City city = client.chat(ChatRequest.ofPrompt("Describe Tokyo"), City.class);

        assertThat(city).isEqualTo(new City("Tokyo", 14_000_000, List.of("Chiyoda", "Minato"),
                new Mayor("Koike", true)));
        JsonNode format = simulator.requests().get(0).json().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        JsonNode jsonSchema = format.path("json_schema");
        assertThat(jsonSchema.path("name").asText()).isEqualTo("City");
        assertThat(jsonSchema.path("strict").asBoolean()).isTrue();
        JsonNode schema = jsonSchema.path("schema");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schema.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("name", "population", "districts", "mayor");
        assertThat(schema.path("properties").path("population").path("type").asText())
                .isEqualTo("integer");
        assertThat(schema.path("properties").path("districts").path("items").path("type")
                .asText()).isEqualTo("string");
        JsonNode mayor = schema.path("properties").path("mayor");
        assertThat(mayor.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(mayor.path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("name", "elected");
    }

    @Test
    void readsAPlainClassFromTheRecordedXaiReply() {
        reply("{\"name\":\"John\",\"age\":30}", null);

        Person person = client.chat(ChatRequest.ofPrompt("Who?"), Person.class);

        assertThat(person.name).isEqualTo("John");
        assertThat(person.age).isEqualTo(30);
        assertThat(simulator.requests().get(0).json().path("response_format")
                .path("json_schema").path("name").asText()).isEqualTo("Person");
    }

    @Test
    void acceptsAReplyInACodeFence() {
        reply("```json\n{\"name\":\"Ann\",\"age\":41}\n```", null);

        assertThat(client.chat(ChatRequest.ofPrompt("Who?"), Person.class).age).isEqualTo(41);
    }

    @Test
    void mismatchingReplyCarriesTheRawContent() {
        String content = "{\"name\":\"Tokyo\",\"population\":\"many\",\"districts\":[],"
                + "\"mayor\":null}";
        reply(content, null);

        StructuredOutputException e = catchThrowableOfType(StructuredOutputException.class,
                () -> client.chat(ChatRequest.ofPrompt("Describe Tokyo"), City.class));

        assertThat(e.rawContent()).isEqualTo(content);
        assertThat(e.kind()).isEqualTo(ErrorKind.STRUCTURED_OUTPUT);
        assertThat(e.getMessage()).contains("City");
    }

    @Test
    void unknownFieldsAndProseDoNotFit() {
        reply("{\"name\":\"John\",\"age\":30,\"email\":\"j@example.com\"}", null);
        assertThat(catchThrowableOfType(StructuredOutputException.class,
                () -> client.chat(ChatRequest.ofPrompt("Who?"), Person.class)).rawContent())
                .contains("email");

        reply("Sorry, I cannot answer in JSON.", null);
        assertThat(catchThrowableOfType(StructuredOutputException.class,
                () -> client.chat(ChatRequest.ofPrompt("Who?"), Person.class)).rawContent())
                .isEqualTo("Sorry, I cannot answer in JSON.");
    }

    @Test
    void refusalIsReported() {
        reply("", "I can't help with that.");

        StructuredOutputException e = catchThrowableOfType(StructuredOutputException.class,
                () -> client.chat(ChatRequest.ofPrompt("Who?"), Person.class));

        assertThat(e.getMessage()).contains("refused").contains("I can't help with that.");
    }
}
