package io.redline.resources;

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
 * The shapes that once exhausted memory or ran for minutes, at the shipped limits: each is answered, with its
 * real result, in a fraction of the time budget. Before the linear paragraph comparison, 60,000 one-word
 * paragraphs in /check ran out of memory and a /diff of 8,000 × 8,000 paragraphs took 15–23 s.
 */
class WorstShapesTest {
    private static final int PARAGRAPHS = 5_000;
    /** Under the shipped 5 s budget; a request that ran out of it would be a 503, which fails on its own. */
    private static final long MAX_MILLIS = 4_500;
    private static RunningRedline redline;

    @BeforeAll
    static void start() {
        redline = new RunningRedline(TestDatabase.h2());
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void oneWordParagraphsAgainstAStoredTextLikeThem() {
        String same = "word\n\n".repeat(PARAGRAPHS);
        assertThat(timed(() -> redline.postJson("/articles", Map.of("id", "one-words", "body", same))).status()).isEqualTo(201);
        RunningRedline.Reply check = timed(() -> redline.postJson("/check", Map.of("body", same)));
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().get("classification").asText()).isEqualTo("DUPLICATE");
        assertThat(timed(() -> redline.get("/diff?from=one-words&to=one-words")).status()).isEqualTo(200);
    }

    @Test
    void distinctOneWordParagraphsAndOverTheLimit() {
        StringBuilder distinct = new StringBuilder();
        for (int i = 0; i < PARAGRAPHS; i++) {
            distinct.append("w").append(i).append("\n\n");
        }
        assertThat(timed(() -> redline.postJson("/articles", Map.of("id", "distinct", "body", distinct.toString()))).status())
                .isEqualTo(201);
        assertThat(timed(() -> redline.postJson("/check", Map.of("body", distinct.toString()))).status()).isEqualTo(200);
        assertThat(timed(() -> redline.postJson("/check", Map.of("body", "word\n\n".repeat(60_000)))).status()).isEqualTo(413);
    }

    @Test
    void twoShuffledTextsAtTheParagraphLimit() {
        List<String> from = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < PARAGRAPHS; i++) {
            from.add("Clause " + i + " of the agreement binds the parties " + random.nextInt(1000) + " days after signing.");
        }
        List<String> to = new ArrayList<>(from);
        Collections.shuffle(to, random);
        RunningRedline.Reply r = timed(() -> redline.postJson("/diff", Map.of(
                "from", Map.of("body", String.join("\n\n", from)), "to", Map.of("body", String.join("\n\n", to)))));
        assertThat(r.status()).as(r.body().substring(0, Math.min(300, r.body().length()))).isEqualTo(200);
        assertThat(r.json().get("summary").get("inserted").asInt()).isZero();
        assertThat(r.json().get("summary").get("deleted").asInt()).isZero();
    }

    @Test
    void twoLongParagraphsWithNothingInCommon() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; a.length() < 49_000; i++) {
            a.append("alpha").append(i).append(' ');
            b.append("beta").append(i).append(' ');
        }
        RunningRedline.Reply r = timed(() -> redline.postJson("/diff", Map.of("from", Map.of("body", a.toString()),
                "to", Map.of("body", b.toString()))));
        assertThat(r.status()).isEqualTo(200);
    }

    private static RunningRedline.Reply timed(java.util.function.Supplier<RunningRedline.Reply> request) {
        long started = System.nanoTime();
        RunningRedline.Reply r = request.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("answered %d in %d ms", r.status(), millis).isLessThan(MAX_MILLIS);
        return r;
    }
}
