package io.redline.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryAssignerTest {

    @Test
    void noMatchesStartsANewStory() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.empty(), List.of());
        assertThat(d.createsStory()).isTrue();
        assertThat(d.target()).isEmpty();
        assertThat(d.merged()).isEmpty();
    }

    @Test
    void javadocExampleOldestStoryAbsorbsTheOthers() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.empty(), List.of(7L, 3L, 7L));
        assertThat(d.target()).hasValue(3);
        assertThat(d.merged()).containsExactly(7L);
        assertThat(d.createsStory()).isFalse();
    }

    @Test
    void oneMatchedStoryIsJoinedWithoutMerging() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.empty(), List.of(12L, 12L));
        assertThat(d.target()).hasValue(12);
        assertThat(d.merged()).isEmpty();
    }

    @Test
    void anUpdatedArticleWithoutMatchesKeepsItsOwnStory() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.of(5), List.of());
        assertThat(d.target()).hasValue(5);
        assertThat(d.merged()).isEmpty();
    }

    @Test
    void ownStoryWinsWhenItIsTheOldest() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.of(2), List.of(9L, 5L));
        assertThat(d.target()).hasValue(2);
        assertThat(d.merged()).containsExactly(5L, 9L);
    }

    @Test
    void ownStoryIsMergedIntoAnOlderMatchedStory() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.of(9), List.of(4L));
        assertThat(d.target()).hasValue(4);
        assertThat(d.merged()).containsExactly(9L);
    }

    @Test
    void ownStoryAmongTheMatchesIsNotMergedIntoItself() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.of(4), List.of(4L, 8L));
        assertThat(d.target()).hasValue(4);
        assertThat(d.merged()).containsExactly(8L);
    }

    @Test
    void mergedStoriesAreSortedAndDistinct() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.empty(), List.of(30L, 5L, 12L, 30L, 9L, 12L));
        assertThat(d.target()).hasValue(5);
        assertThat(d.merged()).containsExactly(9L, 12L, 30L);
    }

    @Test
    void decisionDoesNotDependOnInputOrder() {
        List<Long> matches = new ArrayList<>(List.of(12L, 5L, 9L, 5L, 30L, 41L));
        StoryDecision expected = StoryAssigner.decide(OptionalLong.of(17), matches);
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(matches, random);
            assertThat(StoryAssigner.decide(OptionalLong.of(17), matches)).isEqualTo(expected);
        }
        assertThat(expected.target()).hasValue(5);
        assertThat(expected.merged()).containsExactly(9L, 12L, 17L, 30L, 41L);
    }

    @Test
    void decisionListIsImmutable() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.empty(), List.of(1L, 2L));
        assertThatThrownBy(() -> d.merged().add(3L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNewStoryCannotAbsorbStories() {
        assertThatThrownBy(() -> new StoryDecision(OptionalLong.empty(), List.of(3L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a new story cannot absorb stories [3]");
    }

    @Test
    void decisionCopiesTheMergedList() {
        List<Long> merged = new ArrayList<>(List.of(3L));
        StoryDecision d = new StoryDecision(OptionalLong.of(1), merged);
        merged.add(4L);
        assertThat(d.merged()).containsExactly(3L);
    }
}
