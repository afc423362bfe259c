package io.redline.detect;

import com.codahale.metrics.MetricRegistry;
import io.redline.Components;
import io.redline.DetectionFactory;
import io.redline.api.ArticleRequest;
import io.redline.ingest.InputLimits;
import io.redline.store.ArticleStore;
import io.redline.store.CandidateRow;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepresentativesTest {
    @Test
    void javadocExample() {
        Map<String, Integer> keys = Map.of("a", 9, "b", 7, "c", 5, "d", 3, "e", 4);
        List<CandidateRow> rows = List.of(new CandidateRow("a", 1, 100), new CandidateRow("b", 1, 200),
                new CandidateRow("c", 1, 900), new CandidateRow("d", 1, 300), new CandidateRow("e", 2, 100));

        assertThat(new Representatives(2, 4).choose(keys, rows)).containsExactly("a", "b", "c", "e");
    }

    @Test
    void theLatestPublishedIsKeptThoughItSharesFewestKeys() {
        Map<String, Integer> keys = new HashMap<>();
        List<CandidateRow> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = String.format("x%03d", i);
            keys.put(id, 100 - i);
            rows.add(new CandidateRow(id, 7, i));
        }

        assertThat(new Representatives(4, 32).choose(keys, rows)).containsExactly("x000", "x001", "x002", "x003", "x099");
    }

    @Test
    void tiesGoToTheLowerIdForKeysAndTheHigherIdForPublication() {
        Map<String, Integer> keys = Map.of("p", 5, "q", 5, "r", 5, "s", 5);
        List<CandidateRow> rows = List.of(new CandidateRow("s", 1, 10), new CandidateRow("r", 1, 10),
                new CandidateRow("q", 1, 10), new CandidateRow("p", 1, 10));

        assertThat(new Representatives(1, 2).choose(keys, rows)).containsExactly("p", "s");
    }

    @Test
    void theTotalKeepsThoseSharingMostKeysOverAllStories() {
        Map<String, Integer> keys = new HashMap<>();
        List<CandidateRow> rows = new ArrayList<>();
        for (int story = 0; story < 20; story++) {
            String id = String.format("s%02d", story);
            keys.put(id, story);
            rows.add(new CandidateRow(id, story, 0));
        }

        assertThat(new Representatives(1, 3).choose(keys, rows)).containsExactly("s19", "s18", "s17");
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderOfTheCandidates() {
        Random random = new Random(42);
        Map<String, Integer> keys = new HashMap<>();
        List<CandidateRow> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = "a" + i;
            keys.put(id, random.nextInt(10));
            rows.add(new CandidateRow(id, random.nextInt(12), random.nextInt(5)));
        }
        Representatives representatives = new Representatives(3, 20);
        Set<String> first = representatives.choose(keys, rows);

        for (int round = 0; round < 20; round++) {
            Collections.shuffle(rows, random);
            assertThat(representatives.choose(keys, rows)).containsExactlyElementsOf(first);
        }
        assertThat(first).hasSize(20);
    }

    @Test
    void fewCandidatesAreAllVerifiedWithoutReadingTheirStories() {
        Set<String> ids = Set.of("a", "b", "c");

        assertThat(new Representatives(2, 8).choose(Map.of(), ids, null)).isSameAs(ids);
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> new Representatives(0, 5)).hasMessage("perStory must be >= 1, got 0");
        assertThatThrownBy(() -> new Representatives(4, 4)).hasMessage("total must be >= perStory + 1 = 5, got 4");
    }

    /** A newcomer to a story of near-identical alerts is verified against a few of them, and still joins it. */
    @Test
    void aBigStoryIsVerifiedThroughItsRepresentatives() {
        ArticleStore store = new ArticleStore(TestDatabase.h2().migratedJdbi());
        Components components = Components.create(new DetectionFactory().buildDetector(store, new MetricRegistry()), store,
                InputLimits.defaults(), Clock.systemUTC(), new MetricRegistry());
        List<Long> stories = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            stories.add(components.ingestor().ingest(new ArticleRequest("alert-" + i, "Warning", alert(i), null, null,
                    null)).storyId());
        }

        Lookup lookup = components.detector().lookup(components.detector().fingerprint(alert(1000)), null, null);

        assertThat(stories).containsOnly(stories.get(0));
        assertThat(lookup.candidates()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(lookup.compared()).hasSizeLessThanOrEqualTo(Representatives.DEFAULT_PER_STORY + 1);
        assertThat(lookup.matches().get(0).sameStory()).isTrue();
    }

    private static String alert(int n) {
        return "Severe thunderstorm warning for the county until 9:45 pm. At 8:52 pm, radar showed a storm near "
                + "Millbrook moving east at " + (20 + n) + " mph. Hazards include 60 mph wind gusts and quarter size "
                + "hail. Expect damage to roofs, siding and trees. Take shelter in a sturdy building now.";
    }
}
