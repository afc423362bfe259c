package io.redline.cluster;

import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Story assignment without bridges.
 *
 * <p>An article joins the story of its best same-story match (DUPLICATE, REVISION or EXCERPT after exact
 * comparison); a new version of a stored article stays in its article's story. Another story that the article
 * also matches is merged in only when that match is strong — the article is a duplicate or a revision of
 * it, not merely an excerpt — so that one brief quoting two stories, or a weak link to a next edition, never
 * pulls two groups together. When stories merge, the oldest — the smallest id, since ids are issued in
 * order — survives, so links to it keep working. Only the article's own matches count, never the matches
 * of its matches. With no same-story match the article starts a new story.
 *
 * <p>Example: own story none, matches [story 7 strong, story 3 weak, story 5 strong] → target 5, merge [7]:
 * the best match's story 7 and the strongly matched 5 merge into 5; the excerpt's story 3 is left alone.
 * Pure and thread-safe.
 */
public final class StoryAssigner {
    private StoryAssigner() {
    }

    /** A same-story match: its story, and whether the evidence is strong enough to merge that story in. */
    public record Link(long story, boolean strong) {
    }

    /**
     * @param ownStory the story of the article being updated; empty for an article seen the first time
     * @param matches  same-story matches, best first
     */
    public static StoryDecision decide(OptionalLong ownStory, List<Link> matches) {
        TreeSet<Long> stories = new TreeSet<>();
        if (ownStory.isPresent()) {
            stories.add(ownStory.getAsLong());
        } else if (!matches.isEmpty()) {
            stories.add(matches.get(0).story());
        }
        for (Link link : matches) {
            if (link.strong()) {
                stories.add(link.story());
            }
        }
        if (stories.isEmpty()) {
            return new StoryDecision(OptionalLong.empty(), List.of());
        }
        long target = stories.pollFirst();
        return new StoryDecision(OptionalLong.of(target), List.copyOf(stories));
    }
}
