package io.redline.read;

import io.redline.store.Lineage;
import io.redline.store.VersionRow;
import io.redline.testing.StoryRows;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lineage tree over a hand-built chain, and the path blame follows through it. */
class StoryLineageTest {
    private static final Lineage NONE = Lineage.NONE;

    @Test
    void aRevisionOfAnEarlierVersionSkipsTheVersionsPublishedInBetween() {
        StoryLineage l = StoryLineage.of(List.of(v("a", 1, NONE), v("a", 2, new Lineage("a", 1, "UPDATE")),
                v("b", 1, new Lineage("a", 1, "REVISION")), v("b", 2, new Lineage("b", 1, "UPDATE"))));

        assertThat(l.parentStep(1)).isEmpty();
        assertThat(l.parentStep(3)).hasValue(1);
        assertThat(l.path(4)).containsExactly(1, 3, 4);
        assertThat(l.path(2)).containsExactly(1, 2);
    }

    @Test
    void aParentOutsideTheStoryMakesARoot() {
        StoryLineage l = StoryLineage.of(List.of(v("a", 1, NONE), v("t", 1, new Lineage("gone", 3, "TEMPLATE")),
                v("t", 2, new Lineage("t", 1, "UPDATE"))));

        assertThat(l.parentStep(2)).isEmpty();
        assertThat(l.path(3)).containsExactly(2, 3);
    }

    @Test
    void aVersionWithoutRecordedLineageFollowsTheTimeOrderAsBefore() {
        StoryLineage l = StoryLineage.of(List.of(v("a", 1, NONE), v("a", 2, new Lineage("a", 1, "UPDATE")),
                v("b", 1, NONE)));

        assertThat(l.path(3)).containsExactly(1, 2, 3);
    }

    @Test
    void aParentPublishedAfterItsChildIsStillFollowed() {
        // b claims an earlier publication time than the version it revises
        StoryLineage l = StoryLineage.of(List.of(v("b", 1, new Lineage("a", 1, "REVISION")), v("a", 1, NONE)));

        assertThat(l.parentStep(1)).hasValue(2);
        assertThat(l.path(1)).containsExactly(2, 1);
    }

    @Test
    void aStepOutsideTheChainIsRefusedWithTheRange() {
        StoryLineage l = StoryLineage.of(List.of(v("a", 1, NONE)));
        assertThatThrownBy(() -> l.path(2)).hasMessage("step must be between 1 and 1, got 2");
    }

    private static VersionRow v(String article, int version, Lineage lineage) {
        return StoryRows.row(article, version, article, "body of " + article + version, 1000L * version, lineage);
    }
}
