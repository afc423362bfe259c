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
        redline = new RunningRedline(TestDatabase.h2(), "limits.requestTime", "20ms");
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void aDiffThatOutlivesTheBudgetIs503SoonAfterIt() {
        // shuffled and every paragraph reworded, so that each must be paired by the fuzzy steps: 0.2 s of work warm
        // on these 2 cores, 1.2 s cold, against a budget of 20 ms (with one word added to paragraphs of 12 words the
        // diff took 60 ms warm, and once beat a budget of 100 ms)
        List<String> from = paragraphs(5_000, 40, 1);
        List<String> to = new ArrayList<>();
        for (String p : from) {
            to.add(p.replaceAll(" (\\w+) (\\w+)", " $2 $1"));
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
        // Texts near the limits (4,900 paragraphs, ~1.7 MB): fingerprinting one takes 50-80 ms warm on these 2 cores,
        // comparing the second with the first more, against a budget of 30 ms a step; the short line needs ~1 ms.
        // (With 100 ms and texts of 50,000 words, a warm, quiet machine stored all three.)
        try (RunningRedline tight = new RunningRedline(TestDatabase.h2(), "limits.requestTime", "30ms")) {
            String big = String.join("\\n\\n", paragraphs(4_900, 50, 3));
            String ndjson = "{\"id\": \"slow-1\", \"body\": \"" + big + "\"}\n"
                    + "{\"id\": \"slow-2\", \"body\": \"" + big.replace("council", "counsel") + "\"}\n"
                    + "{\"id\": \"quick-3\", \"body\": \"A council vote on the new bridge was put off until spring.\"}\n";
            List<JsonNode> lines = tight.post("/articles/bulk", "application/x-ndjson", ndjson).lines();

            assertThat(lines).hasSize(3);
            List<JsonNode> timedOut = lines.subList(0, 2).stream().filter(l -> l.has("error")).toList();
            assertThat(timedOut).isNotEmpty().allSatisfy(l -> {
                assertThat(l.get("error").get("code").asInt()).isEqualTo(503);
                assertThat(l.get("error").get("message").asText()).contains("limits.requestTime");
                assertThat(tight.get("/articles/" + l.get("id").asText()).status()).isEqualTo(404);
            });
            assertThat(lines.get(2).get("status").asText()).isEqualTo("CREATED");
            assertThat(tight.get("/articles/quick-3").status()).isEqualTo(200);
        }
    }

    /** {@code n} distinct news-like paragraphs of {@code words} words. */
    private static List<String> paragraphs(int n, int words, long seed) {
        String[] vocabulary = {"council", "vote", "bridge", "river", "flood", "minister", "election", "market", "shares",
                "rescue", "fire", "storm", "court", "ruling", "police", "harbour", "school", "budget", "union", "strike"};
        Random random = new Random(seed);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder p = new StringBuilder("Paragraph " + i);
            for (int w = 0; w < words; w++) {
                p.append(' ').append(vocabulary[random.nextInt(vocabulary.length)]);
            }
            out.add(p.append('.').toString());
        }
        return out;
    }
}
