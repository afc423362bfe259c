package io.redline.read;

import io.redline.api.BlameView;
import io.redline.api.TimelineView;
import io.redline.diff.DiffOptions;
import io.redline.diff.StoryHistory;
import io.redline.ingest.InputLimits;
import io.redline.store.ArticleStore;
import io.redline.store.Lineage;
import io.redline.store.VersionRow;
import io.redline.testing.StoryRows;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time lines and blame follow the lineage recorded with each version, on real H2 and PostgreSQL stores.
 * The story: article A (v1, then v2 updating it) and article B, a revision of A v1 published after A v2.
 */
class VersionHistoryLineageTest {
    private static final String A1 = StoryRows.FLOOD_V1;
    private static final String A2 = StoryRows.FLOOD_V2;
    private static final String B = StoryRows.FLOOD_REVISION;

    private static final DiffOptions OPTIONS = DiffOptions.defaults();

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void blameOfARevisionCreditsWhatItKeptFromTheVersionItRevises(TestDatabase.Kind kind) {
        Story s = Story.create(kind);

        BlameView blame = s.evolution.blame(s.id, s.chain(), 3);

        assertThat(blame.version().articleId()).isEqualTo("b");
        assertThat(blame.steps()).extracting(r -> r.articleId() + " v" + r.version() + " step " + r.step())
                .containsExactly("a v1 step 1", "b v1 step 3");
        BlameView.Sentence volunteers = sentence(blame, "Volunteers brought");
        assertThat(volunteers.firstStep()).isEqualTo(1);
        assertThat(volunteers.lastChangedStep()).isEqualTo(1);
        BlameView.Sentence forecast = sentence(blame, "Forecasters expect more rain");
        assertThat(forecast.lastChangedStep()).isEqualTo(1);
        BlameView.Sentence lede = sentence(blame, "The river burst its banks late");
        assertThat(lede.firstStep()).isEqualTo(1);
        assertThat(lede.lastChangedStep()).isEqualTo(3);

        // in time order B would be read against A v2, which had dropped the volunteers: new at step 3
        StoryHistory.History timeOrder = new StoryHistory(OPTIONS).follow(List.of(A1, A2, B));
        assertThat(timeOrder.sentences()).filteredOn(l -> l.text().startsWith("Volunteers brought"))
                .extracting(StoryHistory.BlameLine::firstStep).containsExactly(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theTimelineGivesEachStepItsParentAndRelationAndTheLatestParagraphsFollowTheLineage(TestDatabase.Kind kind) {
        Story s = Story.create(kind);

        TimelineView t = s.evolution.timeline(s.id).orElseThrow();

        List<TimelineView.Step> steps = t.steps();
        assertThat(steps).extracting(TimelineView.Step::articleId).containsExactly("a", "a", "b");
        assertThat(steps.get(0).derivedFrom()).isNull();
        assertThat(steps.get(0).relation()).isNull();
        assertThat(steps.get(1).derivedFrom()).isEqualTo(new TimelineView.DerivedFrom("a", 1, 1));
        assertThat(steps.get(1).relation()).isEqualTo("UPDATE");
        assertThat(steps.get(2).derivedFrom()).isEqualTo(new TimelineView.DerivedFrom("a", 1, 1));
        assertThat(steps.get(2).relation()).isEqualTo("REVISION");
        assertThat(steps).extracting(TimelineView.Step::reuses).containsOnlyNulls();
        // time order stays: step 3's diff is still against step 2
        assertThat(steps.get(2).diff()).endsWith("from=2&to=3");
        // B's second paragraph is A v1's, never rewritten along B's lineage
        assertThat(t.paragraphs().get(1)).isEqualTo(new TimelineView.ParagraphRewrites(1, 1, 0));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTemplateIsTheRootOfItsStoryAndSaysWhatItReusesUntilThatIsDeleted(TestDatabase.Kind kind) {
        Story s = Story.create(kind);
        long other = StoryRows.save(s.store, StoryRows.row("t", 1, "Another flood", B.replace("river", "canal"),
                4000, new Lineage("b", 1, Lineage.TEMPLATE)), 0);
        assertThat(other).isNotEqualTo(s.id);

        TimelineView.Step template = s.evolution.timeline(other).orElseThrow().steps().get(0);
        assertThat(template.derivedFrom()).isEqualTo(new TimelineView.DerivedFrom("b", 1, null));
        assertThat(template.relation()).isEqualTo("TEMPLATE");
        assertThat(template.reuses()).isEqualTo(new TimelineView.Reuses("b", 1, s.id));
        BlameView blame = s.evolution.blame(other, s.evolution.chain(other).orElseThrow(), 1);
        assertThat(blame.sentences()).extracting(BlameView.Sentence::firstStep).containsOnly(1);

        // once A is deleted, B's parent is gone: B is a root, and still says what it came from
        assertThat(s.store.delete("a")).isTrue();
        TimelineView.Step b = s.evolution.timeline(s.id).orElseThrow().steps().get(0);
        assertThat(b.derivedFrom()).isEqualTo(new TimelineView.DerivedFrom("a", 1, null));
        assertThat(b.reuses()).isEqualTo(new TimelineView.Reuses("a", 1, null));
        assertThat(s.evolution.blame(s.id, s.chain(), 1).steps()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anArticleThatJoinedWithoutALineageIsBlamedInTimeOrderAsBefore(TestDatabase.Kind kind) {
        ArticleStore store = new ArticleStore(TestDatabase.create(kind).migratedJdbi());
        long id = StoryRows.save(store, StoryRows.row("a", 1, "Flood", A1, 1000, Lineage.NONE), 0);
        StoryRows.save(store, StoryRows.row("a", 2, "Flood", A2, 2000, new Lineage("a", 1, "UPDATE")), id);
        StoryRows.save(store, StoryRows.row("b", 1, "Flood", B, 3000, Lineage.NONE), id);
        VersionHistory evolution = new VersionHistory(store, InputLimits.defaults(), OPTIONS);

        BlameView blame = evolution.blame(id, evolution.chain(id).orElseThrow(), 3);

        assertThat(blame.steps()).extracting(r -> r.step()).containsExactly(1, 2, 3);
        assertThat(sentence(blame, "Volunteers brought").firstStep()).isEqualTo(3);
    }

    private static BlameView.Sentence sentence(BlameView blame, String start) {
        return blame.sentences().stream().filter(x -> x.text().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no sentence starting with " + start + " in " + blame));
    }

    /** A v1, A v2 (UPDATE), B (REVISION of A v1) in one story, on a fresh database. */
    private record Story(ArticleStore store, VersionHistory evolution, long id) {
        static Story create(TestDatabase.Kind kind) {
            ArticleStore store = new ArticleStore(TestDatabase.create(kind).migratedJdbi());
            long id = StoryRows.save(store, StoryRows.row("a", 1, "Flood", A1, 1000, Lineage.NONE), 0);
            StoryRows.save(store, StoryRows.row("a", 2, "Flood: army sent", A2, 2000,
                    new Lineage("a", 1, Lineage.UPDATE)), id);
            StoryRows.save(store, StoryRows.row("b", 1, "Town flooded", B, 3000,
                    new Lineage("a", 1, Lineage.REVISION)), id);
            return new Story(store, new VersionHistory(store, InputLimits.defaults(), OPTIONS), id);
        }

        List<VersionRow> chain() {
            return evolution.chain(id).orElseThrow();
        }
    }
}
