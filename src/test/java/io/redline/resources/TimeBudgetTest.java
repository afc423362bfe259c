package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work that outlives {@code limits.requestTime} stops: the request is answered 503 JSON soon after the budget,
 * a bulk line that runs out of time gets its own 503 and the next line is stored, and nothing is half-written.
 */
class TimeBudgetTest {
    private static RunningRedline redline;

    @BeforeAll
    static void start() {
        redline = new RunningRedline(TestDatabase.h2(), "limits.requestTime", "100ms");
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void aDiffThatOutlivesTheBudgetIs503SoonAfterIt() {
        // shuffled and every paragraph reworded, so that each must be paired by the fuzzy steps: seconds of work
        List<String> from = paragraphs(5_000, 1);
        List<String> to = new ArrayList<>();
        for (String p : from) {
            to.add(p.replaceFirst(" (\\w+)", " the $1"));
        }
        Collections.shuffle(to, new Random(2));
        long started = System.nanoTime();
        RunningRedline.Reply r = redline.postJson("/diff", Map.of("from", Map.of("body", String.join("\n\n", from)),
                "to", Map.of("body", String.join("\n\n", to))));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("message").asText()).contains("limits.requestTime");
        assertThat(millis).isLessThan(3_000);
    }

    @Test
    void aBulkLineOutOfTimeFailsAloneAndTheNextIsStored() {
        // the second line must be compared paragraph by paragraph with the first, if the first got in
        String big = String.join("\\n\\n", paragraphs(4_000, 3));
        String ndjson = "{\"id\": \"slow-1\", \"body\": \"" + big + "\"}\n"
                + "{\"id\": \"slow-2\", \"body\": \"" + big.replace("council", "councillors") + "\"}\n"
                + "{\"id\": \"quick-3\", \"body\": \"A council vote on the new bridge was put off until spring.\"}\n";
        List<JsonNode> lines = redline.post("/articles/bulk", "application/x-ndjson", ndjson).lines();

        assertThat(lines).hasSize(3);
        List<JsonNode> timedOut = lines.subList(0, 2).stream().filter(l -> l.has("error")).toList();
        assertThat(timedOut).isNotEmpty().allSatisfy(l -> {
            assertThat(l.get("error").get("code").asInt()).isEqualTo(503);
            assertThat(redline.get("/articles/" + l.get("id").asText()).status()).isEqualTo(404);
        });
        assertThat(lines.get(2).get("status").asText()).isEqualTo("CREATED");
        assertThat(redline.get("/articles/quick-3").status()).isEqualTo(200);
    }

    /** {@code n} distinct news-like paragraphs of a dozen words. */
    private static List<String> paragraphs(int n, long seed) {
        String[] words = {"council", "vote", "bridge", "river", "flood", "minister", "election", "market", "shares",
                "rescue", "fire", "storm", "court", "ruling", "police", "harbour", "school", "budget", "union", "strike"};
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder p = new StringBuilder("Paragraph " + i);
            for (int w = 0; w < 12; w++) {
                p.append(' ').append(words[random.nextInt(words.length)]);
            }
            out.add(p.append('.').toString());
        }
        return out;
    }
}
