package io.redline.cluster;

import io.redline.cluster.StoryAssigner.Link;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoryAssignerTest {
    private static Link strong(long story) {
        return new Link(story, true);
    }

    private static Link weak(long story) {
        return new Link(story, false);
    }

    @Test
    void noMatchesStartsANewStory() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.empty(), List.of());
        assertThat(d.createsStory()).isTrue();
        assertThat(d.target()).isEmpty();
        assertThat(d.merged()).isEmpty();
    }

    @Test
    void javadocExample() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.empty(), List.of(strong(7), weak(3), strong(5)));
        assertThat(d.target()).hasValue(5);
        assertThat(d.merged()).containsExactly(7L);
    }

    @Test
    void theBestMatchIsJoinedEvenWhenWeak() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.empty(), List.of(weak(12), weak(4)));
        assertThat(d.target()).hasValue(12);
        assertThat(d.merged()).isEmpty();
    }

    @Test
    void weakLinksNeverBridgeStories() {
        // an excerpt of two stories joins the better one and merges nothing
        StoryDecision d = StoryAssigner.decide(OptionalLong.empty(), List.of(strong(9), weak(2), weak(30)));
        assertThat(d.target()).hasValue(9);
        assertThat(d.merged()).isEmpty();
    }

    @Test
    void strongLinksToSeveralStoriesMergeThemIntoTheOldest() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.empty(), List.of(strong(30), strong(5), strong(12), strong(30)));
        assertThat(d.target()).hasValue(5);
        assertThat(d.merged()).containsExactly(12L, 30L);
    }

    @Test
    void anUpdatedArticleStaysInItsStory() {
        assertThat(StoryAssigner.decide(OptionalLong.of(5), List.of()).target()).hasValue(5);
        StoryDecision d = StoryAssigner.decide(OptionalLong.of(9), List.of(weak(4)));
        assertThat(d.target()).hasValue(9);
        assertThat(d.merged()).isEmpty();
    }

    @Test
    void anUpdatedArticleStronglyMatchingAnOlderStoryMergesIntoIt() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.of(9), List.of(strong(4), strong(9)));
        assertThat(d.target()).hasValue(4);
        assertThat(d.merged()).containsExactly(9L);
    }

    @Test
    void decisionListIsImmutable() {
        StoryDecision d = StoryAssigner.decide(OptionalLong.empty(), List.of(strong(1), strong(2)));
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
