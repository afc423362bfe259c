package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Versions, idempotent re-ingest, deletion, restarts and replicas, over HTTP on H2 and PostgreSQL. */
class ArticleLifecycleTest {
    static final String V1 = "Rescue teams searched the flooded valley for a third day on Tuesday as the river kept "
            + "rising above its banks near the old mill town.\n\n"
            + "Officials said more than two hundred homes had been evacuated overnight and that the main road "
            + "north had been closed to all traffic until further notice.\n\n"
            + "The regional weather office warned that another band of heavy rain would arrive on Thursday, "
            + "bringing up to eighty millimetres in the hills above the valley.";
    static final String V2 = V1.replace("third day", "fourth day").replace("two hundred", "three hundred")
            + "\n\nThe army has sent two helicopters to help lift stranded families from rooftops.";
    static final String OTHER = "The city council voted on Monday to approve funding for a new pedestrian bridge "
            + "across the harbour, ending a debate that lasted almost ten years.\n\n"
            + "Construction is expected to begin next spring and to take two years, the mayor told reporters.";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void reingestIsIdempotentChangedContentIsANewVersionInTheSameStory(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            JsonNode first = redline.postJson("/articles", article("flood", "Floods", V1)).json();
            assertThat(first.get("version").asInt()).isEqualTo(1);
            assertThat(first.get("status").asText()).isEqualTo("CREATED");

            // same content modulo case, whitespace and quote style: nothing new stored
            RunningRedline.Reply again = redline.postJson("/articles",
                    article("flood", "FLOODS", V1.replace(" ", "  ").toUpperCase()));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("status").asText()).isEqualTo("UNCHANGED");
            assertThat(again.json().get("version").asInt()).isEqualTo(1);

            JsonNode second = redline.postJson("/articles", article("flood", "Floods: army called in", V2)).json();
            assertThat(second.get("status").asText()).isEqualTo("UPDATED");
            assertThat(second.get("version").asInt()).isEqualTo(2);
            assertThat(second.get("storyId").asLong()).isEqualTo(first.get("storyId").asLong());

            JsonNode versions = redline.get("/articles/flood/versions").json();
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).get("body").asText()).isEqualTo(V1);
            assertThat(versions.get(1).get("body").asText()).isEqualTo(V2);
            assertThat(redline.get("/articles/flood").json().get("version").asInt()).isEqualTo(2);
            assertThat(redline.get("/stories/" + first.get("storyId").asLong()).json().get("versions")).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRewriteFromAnotherOutletJoinsTheStoryAndDeleteRemovesIt(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            long story = redline.postJson("/articles", article("flood", "Floods", V1)).json().get("storyId").asLong();
            JsonNode rewrite = redline.postJson("/articles", article("flood-wire", "Valley floods", V2)).json();
            assertThat(rewrite.get("classification").asText()).isIn("REVISION", "DUPLICATE");
            assertThat(rewrite.get("storyId").asLong()).isEqualTo(story);
            assertThat(rewrite.get("matches").get(0).get("id").asText()).isEqualTo("flood");

            JsonNode other = redline.postJson("/articles", article("bridge", "Bridge", OTHER)).json();
            assertThat(other.get("classification").asText()).isEqualTo("NEW");
            assertThat(other.get("storyId").asLong()).isNotEqualTo(story);

            assertThat(redline.delete("/articles/flood").status()).isEqualTo(204);
            assertThat(redline.get("/articles/flood").status()).isEqualTo(404);
            assertThat(redline.get("/stories/" + story).json().get("articles")).extracting(JsonNode::asText)
                    .containsExactly("flood-wire");
            // the deleted article is gone from the index too: only the rewrite matches now
            JsonNode check = redline.postJson("/check", Map.of("body", V1)).json();
            assertThat(check.get("matches")).extracting(m -> m.get("id").asText()).containsExactly("flood-wire");

            assertThat(redline.delete("/articles/flood-wire").status()).isEqualTo(204);
            assertThat(redline.get("/stories/" + story).status()).isEqualTo(404);
            assertThat(redline.postJson("/check", Map.of("body", V1)).json().get("classification").asText()).isEqualTo("NEW");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRestartKeepsEverything(TestDatabase.Kind kind) {
        TestDatabase db = TestDatabase.create(kind);
        long story;
        try (RunningRedline redline = new RunningRedline(db)) {
            story = redline.postJson("/articles", article("flood", "Floods", V1)).json().get("storyId").asLong();
            redline.postJson("/articles", article("flood", "Floods", V2));
        }
        try (RunningRedline restarted = new RunningRedline(db)) {
            assertThat(restarted.get("/articles/flood/versions").json()).hasSize(2);
            JsonNode check = restarted.postJson("/check", Map.of("body", V2)).json();
            assertThat(check.get("classification").asText()).isEqualTo("DUPLICATE");
            assertThat(check.get("matches").get(0).get("storyId").asLong()).isEqualTo(story);
            // story ids continue, never reused
            long next = restarted.postJson("/articles", article("bridge", "Bridge", OTHER)).json().get("storyId").asLong();
            assertThat(next).isGreaterThan(story);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void changedDetectionSettingsReindexTheStoreAtStartUp(TestDatabase.Kind kind) {
        TestDatabase db = TestDatabase.create(kind);
        try (RunningRedline redline = new RunningRedline(db)) {
            redline.postJson("/articles", article("flood", "Floods", V1));
            assertThat(redline.get("/stats").json().get("signatureVersion").asText()).startsWith("k3-");
        }
        try (RunningRedline reconfigured = new RunningRedline(db, "detection.shingleSize", "4")) {
            assertThat(reconfigured.get("/stats").json().get("signatureVersion").asText()).startsWith("k4-");
            JsonNode check = reconfigured.postJson("/check", Map.of("body", V1)).json();
            assertThat(check.get("classification").asText()).isEqualTo("DUPLICATE");
            assertThat(check.get("matches").get(0).get("jaccard").asDouble()).isEqualTo(1.0);
        }
    }

    @org.junit.jupiter.api.Test
    void twoReplicasOnOnePostgresSeeEachOthersArticles() {
        TestDatabase db = TestDatabase.postgres();
        try (RunningRedline first = new RunningRedline(db); RunningRedline second = new RunningRedline(db)) {
            long story = first.postJson("/articles", article("flood", "Floods", V1)).json().get("storyId").asLong();
            JsonNode check = second.postJson("/check", Map.of("body", V2)).json();
            assertThat(check.get("classification").asText()).isIn("REVISION", "DUPLICATE");
            assertThat(check.get("matches").get(0).get("id").asText()).isEqualTo("flood");
            JsonNode joined = second.postJson("/articles", article("flood-wire", "Valley floods", V2)).json();
            assertThat(joined.get("storyId").asLong()).isEqualTo(story);
            assertThat(first.get("/stories/" + story).json().get("articles")).hasSize(2);
        }
    }

    @org.junit.jupiter.api.Test
    void adminPortHasDatabaseHealthAndTimers() {
        try (RunningRedline redline = new RunningRedline(TestDatabase.h2())) {
            redline.postJson("/articles", article("flood", "Floods", V1));
            redline.post("/articles/bulk", "application/x-ndjson",
                    "{\"id\": \"b1\", \"body\": \"One story.\"}\n{\"id\": \"b2\", \"body\": \"Another one.\"}\n");
            redline.postJson("/check", Map.of("body", V2));
            JsonNode health = redline.getAdmin("/healthcheck").json();
            assertThat(health.get("database").get("healthy").asBoolean()).isTrue();
            JsonNode timers = redline.getAdmin("/metrics").json().get("timers");
            assertThat(timers.get("redline.ingest").get("count").asLong()).isEqualTo(3);
            assertThat(timers.get("redline.check").get("count").asLong()).isEqualTo(1);
            // a stored article is looked up twice: when prepared, and again (reusing comparisons) when committed
            assertThat(timers.get("redline.lsh-lookup").get("count").asLong()).isEqualTo(7);
            JsonNode gauges = redline.getAdmin("/metrics").json().get("gauges");
            // the three stored articles were kept from their own ingest, and the check found "flood" held
            assertThat(gauges.get("redline.held-versions.held").get("value").asLong()).isEqualTo(3);
            assertThat(gauges.get("redline.held-versions.hits").get("value").asLong()).isPositive();
            assertThat(gauges.get("redline.held-versions.admitted").get("value").asLong()).isZero();
        }
    }

    static Map<String, Object> article(String id, String title, String body) {
        return Map.of("id", id, "title", title, "body", body, "publishedAt", "2024-03-01T10:00:00Z",
                "source", "Test Wire");
    }
}
