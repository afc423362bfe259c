package io.redline.cluster;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GroupingQualityTest {
    private static final Map<String, String> TRUTH = Map.of("a", "A", "b", "A", "c", "C", "d", "C");

    @Test
    void aGroupingEqualToTheTruthScoresOneEverywhere() {
        GroupingQuality q = GroupingQuality.of(Map.of("a", 7L, "b", 7L, "c", 9L, "d", 9L), TRUTH);

        assertThat(q).isEqualTo(new GroupingQuality(4, 2, 2, 1, 1, 1, 1));
        assertThat(q.pairwiseF1()).isEqualTo(1);
        assertThat(q.bcubedF1()).isEqualTo(1);
    }

    @Test
    void labelsOnlyNeedToPartitionTheSameWay() {
        GroupingQuality q = GroupingQuality.of(Map.of("a", "C", "b", "C", "c", "A", "d", "A"), TRUTH);

        assertThat(q.pairwisePrecision()).isEqualTo(1);
        assertThat(q.bcubedRecall()).isEqualTo(1);
    }

    @Test
    void everythingInOneStoryHasFullRecallAndPrecisionOfTheSharedPairs() {
        GroupingQuality q = GroupingQuality.of(Map.of("a", 1L, "b", 1L, "c", 1L, "d", 1L), TRUTH);

        // 6 story pairs, 2 true pairs, both in the story; every document sees 2 of 4 in its cluster
        assertThat(q.stories()).isEqualTo(1);
        assertThat(q.pairwisePrecision()).isEqualTo(2.0 / 6);
        assertThat(q.pairwiseRecall()).isEqualTo(1);
        assertThat(q.pairwiseF1()).isCloseTo(0.5, within(1e-12));
        assertThat(q.bcubedPrecision()).isEqualTo(0.5);
        assertThat(q.bcubedRecall()).isEqualTo(1);
        assertThat(q.bcubedF1()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void everyDocumentAloneHasFullPrecisionAndNoPairwiseRecall() {
        GroupingQuality q = GroupingQuality.of(Map.of("a", 1L, "b", 2L, "c", 3L, "d", 4L), TRUTH);

        assertThat(q.stories()).isEqualTo(4);
        assertThat(q.pairwisePrecision()).isEqualTo(1);
        assertThat(q.pairwiseRecall()).isEqualTo(0);
        assertThat(q.pairwiseF1()).isEqualTo(0);
        assertThat(q.bcubedPrecision()).isEqualTo(1);
        assertThat(q.bcubedRecall()).isEqualTo(0.5);
    }

    @Test
    void aStoryStraddlingTwoClustersIsScoredFromTheCells() {
        // stories {a, b, c} {d}: pairs ab ac bc in stories, ab cd in clusters, ab in both
        GroupingQuality q = GroupingQuality.of(Map.of("a", 1L, "b", 1L, "c", 1L, "d", 2L), TRUTH);

        assertThat(q.pairwisePrecision()).isEqualTo(1.0 / 3);
        assertThat(q.pairwiseRecall()).isEqualTo(0.5);
        assertThat(q.pairwiseF1()).isCloseTo(0.4, within(1e-12));
        assertThat(q.bcubedPrecision()).isCloseTo((2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1) / 4, within(1e-12));
        assertThat(q.bcubedRecall()).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void singletonsOnBothSidesHaveNoPairsAndScoreOne() {
        GroupingQuality q = GroupingQuality.of(Map.of("a", 1L, "b", 2L), Map.of("a", "A", "b", "B"));

        assertThat(q).isEqualTo(new GroupingQuality(2, 2, 2, 1, 1, 1, 1));
    }

    @Test
    void refusesDocumentsWithoutATrueCluster() {
        assertThatThrownBy(() -> GroupingQuality.of(Map.of("a", 1L, "x", 1L), Map.of("a", "A", "b", "A")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no true cluster for x");
        assertThatThrownBy(() -> GroupingQuality.of(Map.of("a", 1L), TRUTH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stories are given for 1 documents but clusters for 4");
        assertThatThrownBy(() -> GroupingQuality.of(Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no documents to score");
    }
}
