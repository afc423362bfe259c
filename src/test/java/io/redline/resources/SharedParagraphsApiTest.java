package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.Fixtures;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import io.redline.text.Paragraphs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check's shared paragraphs read as the diff reads them: the same similarity for the same pair, and the
 * spans of the sentences each side shares with the other, so the page marks what the service found.
 */
class SharedParagraphsApiTest {
    private static RunningRedline redline;

    @BeforeAll
    static void start() {
        redline = new RunningRedline(TestDatabase.h2());
        redline.post("/articles/bulk", "application/x-ndjson", Fixtures.seedsNdjson());
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void eachSharedPairHasTheDiffsSimilarityAndItsSharedSentences() {
        JsonNode seed = Fixtures.seed("seed-08");
        String body = seed.get("body").asText()
                .replace("all but reduced on Friday", "nearly reduced on Friday")
                .replace("forces declared victory in Deir al-Zor", "forces claimed victory in Deir al-Zor");
        JsonNode match = redline.postJson("/check", Map.of("title", seed.get("title").asText(), "body", body)).json()
                .get("matches").get(0);
        assertThat(match.get("id").asText()).isEqualTo("seed-08");
        List<String> mine = Paragraphs.split(body).stream().map(p -> p.text()).toList();
        List<String> theirs = Paragraphs.split(seed.get("body").asText()).stream().map(p -> p.text()).toList();
        int reworded = 0;
        for (JsonNode s : match.get("sharedParagraphs")) {
            String a = mine.get(s.get("index").asInt());
            String b = theirs.get(s.get("matchIndex").asInt());
            JsonNode pair = redline.postJson("/diff", Map.of("from", Map.of("body", b), "to", Map.of("body", a))).json()
                    .get("paragraphs").get(0);
            assertThat(s.get("similarity").asDouble()).as(a).isEqualTo(pair.get("similarity").asDouble());
            assertThat(s.get("sentences")).isNotEmpty();
            assertThat(s.get("matchSentences")).isNotEmpty();
            for (JsonNode span : s.get("sentences")) {
                assertThat(span.get("end").asInt()).isLessThanOrEqualTo(a.length());
            }
            if (s.get("similarity").asDouble() < 1.0) {
                reworded++;
            }
        }
        assertThat(reworded).isEqualTo(2);
    }

    /** "U.S. Colonel …" stays in one sentence, so a shared sentence that contains it is marked whole. */
    @Test
    void aSharedSentenceIsNotCutAtAnAbbreviation() {
        String text = "A spokesman for the U.S. Colonel Ryan Dillon said the town was taken on Friday after heavy fighting.";
        String changed = "A spokesman for the U.S. Colonel Ryan Dillon said the town was taken on Saturday after heavy fighting.";
        redline.postJson("/articles", Map.of("id", "abbrev", "title", "Town taken", "body",
                text + "\n\nResidents began to return to their homes on Sunday morning, officials said."));
        JsonNode match = redline.postJson("/check", Map.of("body",
                changed + "\n\nResidents began to return to their homes on Sunday morning, officials said.")).json()
                .get("matches").get(0);
        JsonNode first = match.get("sharedParagraphs").get(0);
        assertThat(first.get("sentences")).hasSize(1);
        assertThat(first.get("sentences").get(0).get("end").asInt()).isEqualTo(changed.length());
    }
}
