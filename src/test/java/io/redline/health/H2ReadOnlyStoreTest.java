package io.redline.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.resources.BulkResource;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An H2 store that cannot be written (opened with {@code ACCESS_MODE_DATA=r}, as H2 also does by itself when its
 * files are not writable): health is red, though a {@code SELECT 1} still succeeds; every write is a 503 JSON
 * error; reads and look-ups go on.
 */
class H2ReadOnlyStoreTest {
    private static final String BODY = "The museum reopened its east wing on Saturday after two years of repairs to "
            + "the roof that storms had torn open.\n\nVisitors queued from early morning to see the restored ceiling "
            + "paintings, which had been stored in the cellars while the work went on.";

    @Test
    void aReadOnlyStoreTurnsHealthRedAndAnswersWritesWith503() {
        TestDatabase store = TestDatabase.h2();
        try (RunningRedline redline = new RunningRedline(store)) {
            assertThat(redline.postJson("/articles", Map.of("id", "museum", "title", "Museum", "body", BODY)).status())
                    .isEqualTo(201);
        }
        TestDatabase readOnly = new TestDatabase(TestDatabase.Kind.H2, store.url() + ";ACCESS_MODE_DATA=r", "sa", "");
        try (RunningRedline redline = new RunningRedline(readOnly)) {
            RunningRedline.Reply health = redline.getAdmin("/healthcheck");
            assertThat(health.status()).isEqualTo(500);
            // Dropwizard's own check only reads, and stays green: why the writing check exists
            assertThat(health.json().get("database").get("healthy").asBoolean()).isTrue();
            JsonNode writable = health.json().get(StoreWriteCheck.NAME);
            assertThat(writable.get("healthy").asBoolean()).isFalse();
            assertThat(writable.get("message").asText()).isEqualTo("cannot write: the database is read-only");
            assertThat(writable.get("outage").asText()).isEqualTo("READ_ONLY");

            for (RunningRedline.Reply write : List.of(
                    redline.postJson("/articles", Map.of("id", "other", "body", BODY + " Tickets are free.")),
                    redline.delete("/articles/museum"))) {
                assertThat(write.status()).as(write.body()).isEqualTo(503);
                assertThat(write.json().get("message").asText())
                        .isEqualTo("the database is unavailable: the database is read-only");
            }
            assertThat(redline.post("/articles/bulk", BulkResource.NDJSON,
                    "{\"id\":\"other\",\"body\":\"Tickets are free on Sundays for every visitor.\"}\n").lines())
                    .singleElement().satisfies(line -> assertThat(line.get("error").get("code").asInt()).isEqualTo(503));

            assertThat(redline.get("/articles/museum").json().get("title").asText()).isEqualTo("Museum");
            RunningRedline.Reply check = redline.postJson("/check", Map.of("body", BODY));
            assertThat(check.status()).isEqualTo(200);
            assertThat(check.json().get("matches").get(0).get("id").asText()).isEqualTo("museum");
        }
        try (RunningRedline redline = new RunningRedline(store)) {
            assertThat(redline.getAdmin("/healthcheck").status()).isEqualTo(200);
            assertThat(redline.get("/articles/museum").status()).isEqualTo(200);
            assertThat(redline.get("/articles/other").status()).isEqualTo(404);
        }
    }
}
