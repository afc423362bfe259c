package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.redline.resources.ArticleLifecycleTest.OTHER;
import static io.redline.resources.ArticleLifecycleTest.V1;
import static io.redline.resources.ArticleLifecycleTest.article;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /stats} over HTTP on H2 and PostgreSQL: the store's counts follow what is ingested. */
class StatsResourceTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anArticleJoiningTwoStoriesCountsOneStoryMerge(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            long flood = redline.postJson("/articles", article("flood", "Floods", V1)).json().get("storyId").asLong();
            long bridge = redline.postJson("/articles", article("bridge", "Bridge", OTHER)).json().get("storyId").asLong();
            assertThat(bridge).isNotEqualTo(flood);
            JsonNode before = redline.get("/stats").json();
            assertThat(before.get("stories").asLong()).isEqualTo(2);
            assertThat(before.get("storyMerges").asLong()).isZero();

            // a round-up carrying both reports whole matches both stories and joins them
            JsonNode roundUp = redline.postJson("/articles", article("round-up", "Round-up", V1 + "\n\n" + OTHER)).json();
            assertThat(roundUp.get("mergedStories")).extracting(JsonNode::asLong).containsExactly(bridge);
            assertThat(roundUp.get("storyId").asLong()).isEqualTo(flood);

            JsonNode after = redline.get("/stats").json();
            assertThat(after.get("stories").asLong()).isEqualTo(1);
            assertThat(after.get("articles").asLong()).isEqualTo(3);
            assertThat(after.get("storyMerges").asLong()).isEqualTo(1);
        }
    }
}
