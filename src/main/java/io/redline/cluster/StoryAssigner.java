package io.redline.cluster;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Story assignment by verified edges only.
 *
 * <p>An article joins the story of the articles it verifiably matches (DUPLICATE or REVISION after exact
 * comparison); when those lie in several stories, the stories merge and the oldest — the smallest id, since
 * ids are issued in order — survives. With no verified match it starts a new story. A new version of a
 * stored article stays with its article: its story is one of those merged, so it survives unless the new
 * version also matches an older story, into which it then merges. Only the article's own verified matches count, never the
 * matches of its matches, so a chain of weak resemblances cannot pull unrelated stories together.
 *
 * <p>Example: own story none, matched stories [7, 3, 7] → target 3, merge [7]. Pure and thread-safe.
 */
public final class StoryAssigner {
    private StoryAssigner() {
    }

    /**
     * @param ownStory       the story of the article being updated; empty for an article seen the first time
     * @param matchedStories stories of the verified matches, in any order, repeats allowed
     */
    public static StoryDecision decide(OptionalLong ownStory, Collection<Long> matchedStories) {
        TreeSet<Long> stories = new TreeSet<>(matchedStories);
        ownStory.ifPresent(stories::add);
        if (stories.isEmpty()) {
            return new StoryDecision(OptionalLong.empty(), List.of());
        }
        long target = stories.pollFirst();
        return new StoryDecision(OptionalLong.of(target), List.copyOf(stories));
    }
}
