package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.Fixtures;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed corpus over real HTTP, on H2 and on PostgreSQL: grouping, verdicts, checks, explanations. */
class FixturesEndToEndTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void seedsGroupAndClassifyAsExpected(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            RunningRedline.Reply bulk = redline.post("/articles/bulk", "application/x-ndjson", Fixtures.seedsNdjson());
            assertThat(bulk.status()).isEqualTo(200);
            List<JsonNode> lines = bulk.lines();
            assertThat(lines).as(bulk.body()).hasSize(10).allSatisfy(l -> assertThat(l.path("status").asText()).as(l.toString()).isEqualTo("CREATED"));

            JsonNode expected = Fixtures.expected();
            Map<String, Long> storyOf = new HashMap<>();
            for (JsonNode line : lines) {
                String id = line.get("id").asText();
                storyOf.put(id, line.get("storyId").asLong());
                assertThat(line.get("classification").asText()).as(id)
                        .isEqualTo(expected.get("classification").get(id).asText());
            }
            assertThat(grouping(storyOf)).isEqualTo(expectedGrouping(expected));

            // the story endpoint agrees with the ingest answers
            JsonNode story = redline.get("/stories/" + storyOf.get("seed-08")).json();
            assertThat(story.get("articles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("seed-07", "seed-08");
            assertThat(story.get("versions")).hasSize(2);
            assertThat(redline.get("/stories?size=100").json().get("total").asLong()).isEqualTo(9);
            assertThat(redline.get("/articles/seed-08").json().get("storyId").asLong()).isEqualTo(storyOf.get("seed-08"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void checkOfALightlyEditedSeed08FindsItsStoryFirst(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            redline.post("/articles/bulk", "application/x-ndjson", Fixtures.seedsNdjson());
            long story = redline.get("/articles/seed-08").json().get("storyId").asLong();
            JsonNode seed = Fixtures.seed("seed-08");
            String edited = lightlyEdit(seed.get("body").asText());

            JsonNode check = redline.postJson("/check", Map.of("title", "Edited: " + seed.get("title").asText(),
                    "body", edited)).json();

            assertThat(check.get("classification").asText()).isIn("DUPLICATE", "REVISION");
            JsonNode top = check.get("matches").get(0);
            assertThat(top.get("storyId").asLong()).isEqualTo(story);
            assertThat(top.get("id").asText()).isEqualTo("seed-08");
            assertThat(top.get("jaccard").asDouble()).isGreaterThan(0.5);
            assertThat(top.get("containment").asDouble()).isGreaterThan(0.5);
            assertThat(top.get("sharedParagraphs")).isNotEmpty();
            // /check stores nothing
            assertThat(redline.get("/stats").json().get("articles").asLong()).isEqualTo(10);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aReworkedExcerptOfAStoryIsFoundAsAnExcerpt(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            redline.post("/articles/bulk", "application/x-ndjson", Fixtures.seedsNdjson());
            String[] paragraphs = Fixtures.seed("seed-08").get("body").asText().split("\n\n");
            // two of its 24 paragraphs, lightly reworded: whole-text Jaccard is far below the LSH threshold
            String excerpt = paragraphs[3].replace("global powers", "world powers").replace("cusp", "verge")
                    + "\n\n" + paragraphs[5].replace("which has been", "that has been");

            JsonNode check = redline.postJson("/check", Map.of("body", excerpt)).json();

            assertThat(check.get("classification").asText()).isEqualTo("EXCERPT");
            JsonNode top = check.get("matches").get(0);
            assertThat(top.get("id").asText()).isEqualTo("seed-08");
            assertThat(top.get("jaccard").asDouble()).isLessThan(0.2);
            assertThat(top.get("containment").asDouble()).isGreaterThan(0.5);
            assertThat(top.get("sharedParagraphs")).extracting(p -> p.get("matchIndex").asInt()).containsExactly(3, 5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pairExplanationAndStats(TestDatabase.Kind kind) {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            redline.post("/articles/bulk", "application/x-ndjson", Fixtures.seedsNdjson());

            JsonNode pair = redline.get("/articles/seed-07/similar/seed-08").json();
            assertThat(pair.get("classification").asText()).isEqualTo("REVISION");
            assertThat(pair.get("jaccard").asDouble()).isBetween(0.3, 0.6);
            assertThat(pair.get("estimatedJaccard").asDouble()).isBetween(0.2, 0.75);
            assertThat(pair.get("containmentAInB").asDouble()).isGreaterThan(pair.get("jaccard").asDouble());
            assertThat(pair.get("bandsCollided").asInt()).isPositive();
            assertThat(pair.get("sharedParagraphs").asInt()).isPositive();
            assertThat(pair.get("onlyInA").asInt()).isPositive();

            JsonNode unrelated = redline.get("/articles/seed-02/similar/seed-03").json();
            assertThat(unrelated.get("classification").asText()).isEqualTo("NEW");
            assertThat(unrelated.get("jaccard").asDouble()).isLessThan(0.1);

            JsonNode stats = redline.get("/stats").json();
            assertThat(stats.get("bands").asInt() * stats.get("rows").asInt()).isLessThanOrEqualTo(stats.get("signatureLength").asInt());
            assertThat(stats.get("sCurve").get("0.3").asDouble()).isGreaterThanOrEqualTo(0.99);
            assertThat(stats.get("sCurve")).hasSize(10);
            assertThat(stats.get("signatureVersion").asText()).startsWith("k3-n128-");
        }
    }

    /** Swaps two words in a few paragraphs and changes one number: what a copy editor might do. */
    static String lightlyEdit(String body) {
        String[] paragraphs = body.split("\n\n");
        for (int i = 3; i < paragraphs.length; i += 5) {
            paragraphs[i] = paragraphs[i].replaceFirst("\\bthe\\b", "this").replaceFirst("\\bsaid\\b", "stated");
        }
        return String.join("\n\n", paragraphs);
    }

    private static Set<Set<String>> grouping(Map<String, Long> storyOf) {
        Map<Long, Set<String>> byStory = new HashMap<>();
        storyOf.forEach((id, story) -> byStory.computeIfAbsent(story, s -> new TreeSet<>()).add(id));
        return new HashSet<>(byStory.values());
    }

    private static Set<Set<String>> expectedGrouping(JsonNode expected) {
        Set<Set<String>> out = new HashSet<>();
        for (JsonNode story : expected.get("stories")) {
            List<String> ids = new ArrayList<>();
            story.forEach(id -> ids.add(id.asText()));
            out.add(new TreeSet<>(ids));
        }
        return out;
    }
}
