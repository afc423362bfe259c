package io.redline.read;

import io.redline.api.BlameView;
import io.redline.api.TimelineView;
import io.redline.store.StoryPlacement;
import io.redline.diff.DiffOptions;
import io.redline.ingest.InputLimits;
import io.redline.store.ArticleStore;
import io.redline.store.Lineage;
import io.redline.store.VersionRow;
import io.redline.testing.LongStory;
import io.redline.testing.StoryRows;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The time-line cache answers exactly what computing afresh answers, before and after the story changes (a new
 * version, a merge, a deletion), and stays within its bytes. Each check compares a service with the cache against
 * one without ({@code new TimelineCache(0)}) on the same real store.
 */
class TimelineCacheTest {
    private static final long MINUTE = 60_000;
    private static final long T0 = 1_700_000_000_000L;

    private record Services(ArticleStore store, VersionHistory cached, VersionHistory fresh, TimelineCache cache) {
        static Services on(TestDatabase.Kind kind) {
            ArticleStore store = new ArticleStore(TestDatabase.create(kind).migratedJdbi());
            TimelineCache cache = new TimelineCache(TimelineCache.DEFAULT_MAX_BYTES);
            return new Services(store, new VersionHistory(store, InputLimits.defaults(), DiffOptions.defaults(), cache),
                    new VersionHistory(store, InputLimits.defaults(), DiffOptions.defaults(), new TimelineCache(0)), cache);
        }

        /** Time line and latest blame of the story, from the cache (asked twice: computed, then kept) and afresh. */
        void sameAnswers(long story) {
            for (int k = 0; k < 2; k++) {
                assertThat(cached.timeline(story)).isEqualTo(fresh.timeline(story));
                assertThat(blame(cached, story)).isEqualTo(blame(fresh, story));
            }
        }

        static BlameView blame(VersionHistory h, long story) {
            List<VersionRow> chain = h.chain(story).orElseThrow();
            return h.blame(story, chain, chain.size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aKeptTimeLineIsTheComputedOneAndANewVersionIsSeenAtOnce(TestDatabase.Kind kind) {
        Services s = Services.on(kind);
        long story = LongStory.save(s.store());
        s.sameAnswers(story);
        assertThat(s.cache().hits()).as("the second look-ups were answered from the cache").isPositive();
        TimelineView before = s.cached().timeline(story).orElseThrow();

        // an update of the latest "main": its step, the chart figures and the blame change
        StoryRows.save(s.store(), StoryRows.row("main", 46, "Levee breaks: town evacuated",
                LongStory.body(45) + "\n\nThe town was evacuated at dusk.", T0 + 200 * MINUTE,
                new Lineage("main", 45, Lineage.UPDATE)), story);
        TimelineView after = s.cached().timeline(story).orElseThrow();
        assertThat(after.steps()).hasSize(LongStory.VERSIONS + 1);
        assertThat(after.steps().get(LongStory.VERSIONS).titleChanged()).isTrue();
        // the latest was the wire's last update (6 paragraphs); now it is main's 46th version
        assertThat(before.paragraphs()).hasSize(6);
        assertThat(after.paragraphs()).hasSize(46);
        assertThat(Services.blame(s.cached(), story).sentences())
                .anyMatch(x -> x.text().equals("The town was evacuated at dusk.") && x.firstStep() == LongStory.VERSIONS + 1);
        s.sameAnswers(story);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aMergedStoryAndADeletedArticleAreSeenAtOnce(TestDatabase.Kind kind) {
        Services s = Services.on(kind);
        long a = StoryRows.save(s.store(), StoryRows.row("a", 1, "Flood", StoryRows.FLOOD_V1, T0, Lineage.NONE), 0);
        long b = StoryRows.save(s.store(), StoryRows.row("b", 1, "Flood", StoryRows.FLOOD_REVISION, T0 + MINUTE,
                new Lineage("a", 1, Lineage.REVISION)), 0);
        s.sameAnswers(a);
        s.sameAnswers(b);
        assertThat(s.cached().timeline(a).orElseThrow().steps()).hasSize(1);

        // a version of a third article joins a, absorbing b: a's chain gains b's version published in between
        VersionRow c = StoryRows.row("c", 1, "Flood", StoryRows.FLOOD_V2, T0 + 2 * MINUTE, new Lineage("a", 1, Lineage.UPDATE));
        s.store().saveVersion(c, new long[0], new StoryPlacement(OptionalLong.of(a), List.of(b)), c.ingestedAt());
        TimelineView merged = s.cached().timeline(a).orElseThrow();
        assertThat(merged.steps()).extracting(TimelineView.Step::articleId).containsExactly("a", "b", "c");
        assertThat(merged.steps().get(1).changes()).isNotNull();
        s.sameAnswers(a);

        // b leaves the story again: the step between a and c goes, and c is diffed with a
        assertThat(s.store().delete("b")).isTrue();
        assertThat(s.cached().timeline(a).orElseThrow().steps()).extracting(TimelineView.Step::articleId)
                .containsExactly("a", "c");
        s.sameAnswers(a);
    }

    /** After a new version only the new step's diff is computed; the history is computed again. */
    @Test
    void aNewVersionCostsOneDiff() {
        ArticleStore store = new ArticleStore(TestDatabase.h2().migratedJdbi());
        long story = LongStory.save(store);
        TimelineCache cache = new TimelineCache(TimelineCache.DEFAULT_MAX_BYTES);
        VersionHistory h = new VersionHistory(store, InputLimits.defaults(), DiffOptions.defaults(), cache);
        List<VersionRow> chain = h.chain(story).orElseThrow();
        AtomicInteger computed = new AtomicInteger();
        List<TimelineCache.StepChange> first = cache.steps(story, chain, k -> change(computed, k));
        assertThat(computed).hasValue(LongStory.VERSIONS);
        assertThat(cache.steps(story, chain, k -> change(computed, k))).isSameAs(first);
        assertThat(computed).hasValue(LongStory.VERSIONS);

        List<VersionRow> longer = new ArrayList<>(chain);
        longer.add(StoryRows.row("main", 46, "Levee breaks", LongStory.body(46), T0 + 200 * MINUTE,
                new Lineage("main", 45, Lineage.UPDATE)));
        List<TimelineCache.StepChange> next = cache.steps(story, longer, k -> change(computed, k));
        assertThat(computed).hasValue(LongStory.VERSIONS + 1);
        assertThat(next.subList(0, LongStory.VERSIONS)).isEqualTo(first);

        // a version in the middle replaced (same id and version, other text): it and the step after it
        List<VersionRow> edited = new ArrayList<>(longer);
        VersionRow old = edited.get(10);
        edited.set(10, new VersionRow(old.articleId(), old.version(), old.storyId(), old.title(), old.body() + " More.",
                old.publishedAt(), old.url(), old.source(), old.ingestedAt(), "other", old.signatureVersion(),
                old.signature(), old.shingles(), old.lineage()));
        cache.steps(story, edited, k -> change(computed, k));
        assertThat(computed).hasValue(LongStory.VERSIONS + 3);
    }

    @Test
    void theCacheStaysWithinItsBytesDroppingTheLeastRecentlyUsedStory() {
        ArticleStore store = new ArticleStore(TestDatabase.h2().migratedJdbi());
        List<Long> stories = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            long id = StoryRows.save(store, StoryRows.row("s" + k, 1, "Flood", StoryRows.FLOOD_V1, T0, Lineage.NONE), 0);
            StoryRows.save(store, StoryRows.row("s" + k, 2, "Flood", StoryRows.FLOOD_V2, T0 + MINUTE,
                    new Lineage("s" + k, 1, Lineage.UPDATE)), id);
            stories.add(id);
        }
        TimelineCache unbounded = new TimelineCache(Long.MAX_VALUE);
        VersionHistory probe = new VersionHistory(store, InputLimits.defaults(), DiffOptions.defaults(), unbounded);
        probe.timeline(stories.get(0));
        long one = unbounded.bytes();
        assertThat(one).isBetween(1_000L, 20_000L);

        TimelineCache cache = new TimelineCache(one * 2 + one / 2);
        VersionHistory h = new VersionHistory(store, InputLimits.defaults(), DiffOptions.defaults(), cache);
        h.timeline(stories.get(0));
        h.timeline(stories.get(1));
        h.timeline(stories.get(0)); // used again: story 1 is now the least recently used
        h.timeline(stories.get(2));
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.bytes()).isLessThanOrEqualTo(one * 2 + one / 2);
        long hits = cache.hits();
        h.timeline(stories.get(0));
        assertThat(cache.hits()).as("story 0 was kept").isEqualTo(hits + 2);
        h.timeline(stories.get(1));
        assertThat(cache.hits()).as("story 1 was dropped").isEqualTo(hits + 2);

        TimelineCache none = new TimelineCache(0);
        new VersionHistory(store, InputLimits.defaults(), DiffOptions.defaults(), none).timeline(stories.get(3));
        assertThat(none.size()).isZero();
        assertThat(none.bytes()).isZero();
    }

    @Test
    void aNegativeBudgetIsRefusedWithWhatWasGiven() {
        assertThatThrownBy(() -> new TimelineCache(-1)).hasMessage("maxBytes must be at least 0, got -1");
    }

    private static TimelineCache.StepChange change(AtomicInteger computed, int k) {
        computed.incrementAndGet();
        return new TimelineCache.StepChange(null, null, null, k, k);
    }
}
