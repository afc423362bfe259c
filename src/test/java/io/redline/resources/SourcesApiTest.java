package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a version was published (outlet, link, time) reaches every view that names it: check matches, both
 * sides of a diff, the time line and its HTML; and the story list finds stories by article id and source.
 */
class SourcesApiTest {
    static final String BODY = "The river burst its banks on Tuesday night and flooded the lower town.\n\n"
            + "Col. J. K. Ryan of the U.S. Army Corps of Engineers said the levee had held for forty years.\n\n"
            + "Officials said more than two hundred homes had been evacuated overnight.";
    private static RunningRedline redline;
    private static long story;

    @BeforeAll
    static void start() {
        redline = new RunningRedline(TestDatabase.h2());
        story = redline.postJson("/articles", Map.of("id", "levee", "title", "Levee fails", "body", BODY,
                "source", "Valley Courier", "url", "https://courier.example/levee",
                "publishedAt", "2024-03-01T12:05:00Z")).json().get("storyId").asLong();
        redline.postJson("/articles", Map.of("id", "levee", "title", "Levee fails, town flooded",
                "body", BODY + "\n\nMore rain is expected on Friday.", "source", "Valley Courier",
                "url", "javascript:alert(1)"));
        redline.postJson("/articles", Map.of("id", "other", "title", "Council meets", "body",
                "The council met on Monday to discuss the budget for the coming year and the new library."));
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void aCheckMatchSaysWhereTheStoredVersionWasPublished() {
        JsonNode match = redline.postJson("/check", Map.of("body", BODY)).json().get("matches").get(0);
        assertThat(match.get("id").asText()).isEqualTo("levee");
        assertThat(match.get("source").asText()).isEqualTo("Valley Courier");
        assertThat(match.get("url").asText()).isEqualTo("javascript:alert(1)");
        assertThat(match.has("publishedAt")).isFalse();
    }

    @Test
    void bothSidesOfADiffCarryTheirSourceLinkAndDates() {
        JsonNode d = redline.get("/diff?from=levee&fromVersion=1&to=levee").json();
        assertThat(d.get("from").get("source").asText()).isEqualTo("Valley Courier");
        assertThat(d.get("from").get("url").asText()).isEqualTo("https://courier.example/levee");
        assertThat(d.get("from").get("publishedAt").asText()).isEqualTo("2024-03-01T12:05:00Z");
        assertThat(d.get("from").has("ingestedAt")).isTrue();
        assertThat(d.get("to").has("publishedAt")).isFalse();
        JsonNode byStep = redline.get("/stories/" + story + "/diff?from=1&to=2").json();
        assertThat(byStep.get("from").get("source").asText()).isEqualTo("Valley Courier");
        assertThat(byStep.get("from").get("step").asInt()).isEqualTo(1);
    }

    @Test
    void theTimelineNamesTheOutletAndTheHtmlLinksOnlyWebAddressesAndReadsDates() {
        JsonNode steps = redline.get("/stories/" + story + "/timeline").json().get("steps");
        assertThat(steps.get(0).get("source").asText()).isEqualTo("Valley Courier");
        assertThat(steps.get(0).get("url").asText()).isEqualTo("https://courier.example/levee");
        String html = redline.get("/stories/" + story + "/timeline?format=html").body();
        assertThat(html).contains("<a rel=\"noopener noreferrer\" href=\"https://courier.example/levee\">Valley Courier</a>")
                .doesNotContain("javascript:").contains("1 Mar 2024, 12:05 UTC").doesNotContain("2024-03-01T12:05:00Z")
                .contains("(received)").contains("% similarity</a>: 3 kept, 0 reworded, 0 moved, 1 added, 0 cut;")
                .doesNotContain("% kept");
    }

    @Test
    void storiesAreFoundByArticleIdAndSourceAndFilteredToThoseOfSeveralVersions() {
        assertThat(ids("/stories?q=LEVEE")).containsExactly(story);
        assertThat(ids("/stories?q=courier")).containsExactly(story);
        assertThat(ids("/stories?q=council")).hasSize(1).doesNotContain(story);
        assertThat(ids("/stories")).hasSize(2);
        // the list's date: the latest version's publication time when known, else the story's store time
        assertThat(redline.get("/stories?q=levee").json().get("stories").get(0).has("publishedAt")).isFalse();
        assertThat(ids("/stories?minVersions=2")).containsExactly(story);
        assertThat(redline.get("/stories?minVersions=2").json().get("total").asInt()).isEqualTo(1);
        assertThat(ids("/stories?minVersions=3")).isEmpty();
        assertThat(ids("/stories?q=council&minVersions=2")).isEmpty();
        assertThat(redline.get("/stories?minVersions=0").error(400).get("field").asText()).isEqualTo("minVersions");
        redline.postJson("/articles", Map.of("id", "notice", "title", "Road closed", "body",
                "The bridge road is closed to traffic until further notice while engineers inspect it.",
                "publishedAt", "2024-04-02T08:00:00Z"));
        assertThat(redline.get("/stories?q=notice").json().get("stories").get(0).get("publishedAt").asText())
                .isEqualTo("2024-04-02T08:00:00Z");
    }

    private static java.util.List<Long> ids(String path) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        redline.get(path).json().get("stories").forEach(s -> out.add(s.get("id").asLong()));
        return out;
    }
}
