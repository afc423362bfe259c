package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.store.ArticleStore;
import io.redline.store.Lineage;
import io.redline.testing.RunningRedline;
import io.redline.testing.StoryRows;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.redline.testing.StoryRows.FLOOD_REVISION;
import static io.redline.testing.StoryRows.FLOOD_V1;
import static io.redline.testing.StoryRows.FLOOD_V2;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lineage over real HTTP: an article's update posted to the API derives from its previous version; a
 * revision and a template written to the same store show in the time line JSON and HTML, and blame follows them.
 */
class LineageApiTest {
    private static RunningRedline redline;
    private static long story;
    private static long templateStory;

    @BeforeAll
    static void start() {
        TestDatabase database = TestDatabase.h2();
        redline = new RunningRedline(database);
        story = redline.postJson("/articles", Map.of("id", "a", "title", "Flood", "body", FLOOD_V1,
                "publishedAt", "2024-03-01T08:00:00Z")).json().get("storyId").asLong();
        redline.postJson("/articles", Map.of("id", "a", "title", "Flood: army sent", "body", FLOOD_V2,
                "publishedAt", "2024-03-01T09:00:00Z"));
        // what ingest will record once it keeps the matched parent: written to the store the service reads
        ArticleStore store = new ArticleStore(database.migratedJdbi());
        long published = java.time.Instant.parse("2024-03-01T10:00:00Z").toEpochMilli();
        StoryRows.save(store, StoryRows.row("b", 1, "Town flooded", FLOOD_REVISION, published, new Lineage("a", 1, "REVISION")), story);
        templateStory = StoryRows.save(store, StoryRows.row("t", 1, "Canal flooded", FLOOD_REVISION.replace("river", "canal"),
                published + 1000, new Lineage("b", 1, "TEMPLATE")), 0);
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void theTimelineJsonCarriesEachStepsParentAndRelation() {
        JsonNode steps = redline.get("/stories/" + story + "/timeline").json().get("steps");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).has("derivedFrom")).isFalse();
        assertThat(steps.get(0).has("relation")).isFalse();
        assertThat(steps.get(1).get("relation").asText()).isEqualTo("UPDATE");
        assertThat(steps.get(1).get("derivedFrom").toString()).isEqualTo("{\"articleId\":\"a\",\"version\":1,\"step\":1}");
        assertThat(steps.get(2).get("articleId").asText()).isEqualTo("b");
        assertThat(steps.get(2).get("relation").asText()).isEqualTo("REVISION");
        assertThat(steps.get(2).get("derivedFrom").get("step").asInt()).isEqualTo(1);
        assertThat(steps.get(2).has("reuses")).isFalse();
    }

    @Test
    void aTemplateSaysWhichStoryItsTextComesFrom() {
        JsonNode step = redline.get("/stories/" + templateStory + "/timeline").json().get("steps").get(0);
        assertThat(step.get("relation").asText()).isEqualTo("TEMPLATE");
        assertThat(step.get("derivedFrom").has("step")).isFalse();
        assertThat(step.get("reuses").toString())
                .isEqualTo("{\"articleId\":\"b\",\"version\":1,\"storyId\":" + story + "}");
        assertThat(redline.get("/stories/" + templateStory + "/timeline?format=html").body())
                .contains("reuses the text of b v1 (<a href=\"/stories/" + story + "/timeline?format=html\">story "
                        + story + "</a>) (TEMPLATE)");
    }

    @Test
    void theHtmlTimelineSaysWhereEachStepComesFrom() {
        String html = redline.get("/stories/" + story + "/timeline?format=html").body();
        assertThat(html).contains("from step 1 (UPDATE)").contains("from step 1 (REVISION)");
    }

    @Test
    void blameOverHttpFollowsTheLineage() {
        JsonNode blame = redline.get("/stories/" + story + "/blame?version=b").json();
        assertThat(blame.get("steps")).hasSize(2);
        assertThat(blame.get("steps").get(1).get("step").asInt()).isEqualTo(3);
        for (JsonNode s : blame.get("sentences")) {
            if (s.get("text").asText().startsWith("Volunteers brought")) {
                assertThat(s.get("firstStep").asInt()).isEqualTo(1);
                return;
            }
        }
        throw new AssertionError("no volunteers sentence in " + blame);
    }
}
