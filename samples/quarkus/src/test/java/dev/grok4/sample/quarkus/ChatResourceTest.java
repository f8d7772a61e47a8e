package dev.grok4.sample.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.grok4.testkit.Grok4Simulator;
import dev.grok4.testkit.ScriptedResponse;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sample's endpoints against a scripted simulator. */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class ChatResourceTest {
    Grok4Simulator simulator;

    @AfterEach
    void reset() {
        simulator.reset();
    }

    @Test
    void chatAnswersWithContentModelAndUsage() {
        JsonPath reply = given().contentType(ContentType.JSON).body("{\"prompt\":\"hello there\"}")
                .when().post("/chat")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();

        assertThat(reply.getString("content")).contains("hello there");
        assertThat(reply.getString("model")).isEqualTo("grok-4");
        int prompt = reply.getInt("usage.prompt_tokens");
        int completion = reply.getInt("usage.completion_tokens");
        assertThat(prompt).isPositive();
        assertThat(completion).isPositive();
        assertThat(reply.getInt("usage.total_tokens")).isEqualTo(prompt + completion);
        assertThat(simulator.requests().get(0).header("authorization"))
                .isEqualTo("Bearer " + SimulatorResource.KEY);
    }

    @Test
    void missingPromptIsBadRequest() {
        for (String body : List.of("{}", "{\"prompt\":\"  \"}")) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/chat")
                    .then().statusCode(400)
                    .body("error.type", equalTo("bad_request"))
                    .body("error.message", containsString("prompt"));
        }
        given().when().get("/chat/stream")
                .then().statusCode(400).body("error.type", equalTo("bad_request"));
        assertThat(simulator.requestCount()).isZero();
    }

    @Test
    void upstreamFailureIsBadGateway() {
        simulator.enqueue(ScriptedResponse.json(401, "{\"error\":{\"message\":"
                + "\"Incorrect API key provided: " + SimulatorResource.KEY + "\","
                + "\"type\":\"invalid_request_error\"}}"));

        given().contentType(ContentType.JSON).body("{\"prompt\":\"hi\"}")
                .when().post("/chat")
                .then().statusCode(502)
                .body("error.type", equalTo("authentication"))
                .body("error.message", not(containsString(SimulatorResource.KEY)));
    }

    @Test
    void streamThatFailsBeforeContentIsBadGateway() {
        simulator.enqueue(ScriptedResponse.json(429, "{\"error\":{\"message\":\"slow down\","
                + "\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));

        given().when().get("/chat/stream?prompt=hi")
                .then().statusCode(502)
                .body("error.type", equalTo("rate_limited"));
    }

    @Test
    void streamSendsOneDeltaPerEvent() {
        simulator.enqueue(ScriptedResponse.sse("data: " + chunk("Hel") + "\n\n"
                + "data: " + chunk("lo") + "\n\n"
                + "data: " + chunk(" world\\nnext line") + "\n\n"
                + "data: " + chunk("!") + "\n\ndata: [DONE]\n\n"));

        String events = given().when().get("/chat/stream?prompt=greet")
                .then().statusCode(200).contentType(containsString("text/event-stream"))
                .extract().asString();

        assertThat(eventData(events)).containsExactly("Hel", "lo", " world\nnext line", "!");
    }

    /** Reads each event's data the way an SSE client does. */
    private static List<String> eventData(String stream) {
        List<String> events = new ArrayList<>();
        for (String event : stream.split("\n\n")) {
            List<String> lines = new ArrayList<>();
            for (String line : event.lines().filter(l -> l.startsWith("data:")).toList()) {
                String value = line.substring(5);
                lines.add(value.startsWith(" ") ? value.substring(1) : value);
            }
            if (!lines.isEmpty()) {
                events.add(String.join("\n", lines));
            }
        }
        return events;
    }

    private static String chunk(String content) {
        return "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"grok-4\","
                + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},"
                + "\"finish_reason\":null}]}";
    }
}
