package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a 4xx JSON error that says what was wrong and where; never a 500, never a half-write. */
class ApiErrorsTest {
    private static final String STORY = "Rescue teams searched the flooded valley for a third day on Tuesday as the "
            + "river kept rising.\n\nOfficials said more than two hundred homes had been evacuated overnight.";
    private static RunningRedline redline;

    @BeforeAll
    static void start() {
        redline = new RunningRedline(TestDatabase.postgres(), "limits.textBytes", "5000");
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void malformedJsonIsA400WithLineAndColumn() {
        RunningRedline.Reply r = redline.postJson("/articles", "{\"id\": \"a\", \"body\": \"x\"");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("message").asText()).startsWith("malformed JSON");
        assertThat(r.json().get("line").asInt()).isEqualTo(1);
        assertThat(r.json().has("column")).isTrue();
    }

    @Test
    void missingBodyIsA422NamingTheField() {
        JsonNode e = redline.postJson("/articles", Map.of("id", "a1", "title", "t")).error(422);
        assertThat(e.get("field").asText()).isEqualTo("body");
        assertThat(e.get("message").asText()).contains("body is required");
    }

    @Test
    void emptyBodyAndMissingIdAreRejected() {
        assertThat(redline.postJson("/articles", Map.of("id", "a2", "body", "  \n ")).error(422)
                .get("field").asText()).isEqualTo("body");
        assertThat(redline.postJson("/articles", Map.of("body", STORY)).error(422)
                .get("field").asText()).isEqualTo("id");
        assertThat(redline.postJson("/check", Map.of("title", "only a title")).error(422)
                .get("field").asText()).isEqualTo("body");
        redline.postJson("/articles", "null").error(422);
        redline.post("/articles", "application/json", "").error(422);
    }

    @Test
    void wrongTypeNamesTheField() {
        JsonNode e = redline.postJson("/articles",
                Map.of("id", "a3", "body", STORY, "publishedAt", "yesterday")).error(400);
        assertThat(e.get("field").asText()).isEqualTo("publishedAt");
        JsonNode e2 = redline.postJson("/articles", "{\"id\": \"a4\", \"body\": [1, 2]}").error(400);
        assertThat(e2.get("field").asText()).isEqualTo("body");
        // a check's publication time follows the article's rules
        assertThat(redline.postJson("/check", Map.of("body", STORY, "publishedAt", "yesterday")).error(400)
                .get("field").asText()).isEqualTo("publishedAt");
        assertThat(redline.postJson("/check", Map.of("body", STORY, "publishedAt", "1700-01-01T00:00:00Z")).error(422)
                .get("field").asText()).isEqualTo("publishedAt");
    }

    @Test
    void overLongInputIsA413() {
        String big = "word ".repeat(2000);
        JsonNode e = redline.postJson("/articles", Map.of("id", "big", "body", big)).error(413);
        assertThat(e.get("message").asText()).contains("over the limit of 5000 bytes");
        redline.postJson("/check", Map.of("body", big)).error(413);
        assertThat(redline.get("/articles/big").status()).isEqualTo(404);
    }

    @Test
    void textsWithNulCharactersAreRejectedNotHalfStored() {
        JsonNode e = redline.postJson("/articles", Map.of("id", "nul", "body", "bad \u0000 text here")).error(422);
        assertThat(e.get("field").asText()).isEqualTo("body");
        assertThat(redline.get("/articles/nul").status()).isEqualTo(404);
    }

    @Test
    void unknownThingsAre404Json() {
        assertThat(redline.get("/articles/nope").error(404).get("message").asText()).contains("nope");
        redline.get("/articles/nope/versions").error(404);
        redline.delete("/articles/nope").error(404);
        redline.get("/stories/999999").error(404);
        redline.get("/stories/not-a-number").error(404);
        redline.get("/articles/nope/similar/other").error(404);
    }

    @Test
    void badPagingIsA400() {
        assertThat(redline.get("/stories?size=0").error(400).get("field").asText()).isEqualTo("size");
        assertThat(redline.get("/stories?page=x").error(400).get("field").asText()).isEqualTo("page");
    }

    @Test
    void bulkReportsBadLinesByNumberAndStoresTheRest() {
        String ndjson = String.join("\n", List.of(
                "{\"id\": \"bulk-1\", \"title\": \"One\", \"body\": \"" + STORY.replace("\n", "\\n") + "\"}",
                "{\"id\": \"bulk-2\", \"body\": ",
                "",
                "{\"id\": \"bulk-3\", \"title\": \"Three\"}",
                "{\"id\": \"bulk-4\", \"body\": \"nul \\u0000 inside\"}",
                "{\"id\": \"bulk-5\", \"title\": \"Five\", \"body\": \"A different story about a council vote on the new bridge.\"}"));
        RunningRedline.Reply r = redline.post("/articles/bulk", "application/x-ndjson", ndjson);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> lines = r.lines();
        assertThat(lines).extracting(l -> l.get("line").asInt()).containsExactly(1, 2, 4, 5, 6);
        assertThat(lines.get(0).get("status").asText()).isEqualTo("CREATED");
        assertThat(lines.get(1).get("error").get("code").asInt()).isEqualTo(400);
        assertThat(lines.get(2).get("error").get("field").asText()).isEqualTo("body");
        assertThat(lines.get(3).get("error").get("code").asInt()).isEqualTo(422);
        assertThat(lines.get(4).get("status").asText()).isEqualTo("CREATED");
        assertThat(redline.get("/articles/bulk-5").status()).isEqualTo(200);
        assertThat(redline.get("/articles/bulk-3").status()).isEqualTo(404);
    }
}
