package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.redline.resources.ArticleLifecycleTest.V1;
import static io.redline.resources.ArticleLifecycleTest.article;
import static org.assertj.core.api.Assertions.assertThat;

/** A bucket shared by more articles than the cap is skipped at look-up and counted, not scanned. */
class BucketCapTest {
    @Test
    void overfullBucketsAreSkippedAndCounted() {
        try (RunningRedline redline = new RunningRedline(TestDatabase.h2(), "detection.bucketCap", "2")) {
            for (int i = 0; i < 3; i++) {
                redline.postJson("/articles", article("copy-" + i, "Copy " + i, V1));
            }
            JsonNode check = redline.postJson("/check", Map.of("body", V1)).json();
            int bands = redline.get("/stats").json().get("bands").asInt();
            // every whole-text band and every paragraph key is shared by three articles
            assertThat(check.get("oversizedBuckets").asInt()).isGreaterThan(bands);
            assertThat(check.get("candidates").asInt()).isZero();
            assertThat(check.get("classification").asText()).isEqualTo("NEW");
            assertThat(redline.get("/stats").json().get("oversizedBucketsSkipped").asLong()).isGreaterThanOrEqualTo(bands);
        }
        try (RunningRedline uncapped = new RunningRedline(TestDatabase.h2())) {
            for (int i = 0; i < 3; i++) {
                uncapped.postJson("/articles", article("copy-" + i, "Copy " + i, V1));
            }
            JsonNode check = uncapped.postJson("/check", Map.of("body", V1)).json();
            assertThat(check.get("oversizedBuckets").asInt()).isZero();
            assertThat(check.get("candidates").asInt()).isEqualTo(3);
            assertThat(check.get("classification").asText()).isEqualTo("DUPLICATE");
        }
    }
}
