package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static io.redline.resources.ArticleLifecycleTest.V1;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /stats} over HTTP on H2 and PostgreSQL: the store's counts follow what is ingested. */
class StatsResourceTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anArticleJoiningTwoStoriesCountsOneStoryMerge(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            // the same text dated two months apart: two stories (the second a next edition of the first)
            long first = redline.postJson("/articles", dated("notice-2025", "2025-01-10T09:00:00Z")).json().get("storyId").asLong();
            long second = redline.postJson("/articles", dated("notice-2025b", "2025-03-10T09:00:00Z")).json().get("storyId").asLong();
            assertThat(second).isNotEqualTo(first);
            JsonNode before = redline.get("/stats").json();
            assertThat(before.get("stories").asLong()).isEqualTo(2);
            assertThat(before.get("storyMerges").asLong()).isZero();

            // an undated copy is a duplicate of both, made wholly of each: the two stories merge
            JsonNode copy = redline.postJson("/articles", Map.of("id", "notice-copy", "title", "Notice", "body", V1)).json();
            assertThat(copy.get("mergedStories")).extracting(JsonNode::asLong).containsExactly(second);
            assertThat(copy.get("storyId").asLong()).isEqualTo(first);

            JsonNode after = redline.get("/stats").json();
            assertThat(after.get("stories").asLong()).isEqualTo(1);
            assertThat(after.get("articles").asLong()).isEqualTo(3);
            assertThat(after.get("storyMerges").asLong()).isEqualTo(1);
        }
    }

    private static Map<String, Object> dated(String id, String publishedAt) {
        return Map.of("id", id, "title", "Notice", "body", V1, "publishedAt", publishedAt);
    }
}
