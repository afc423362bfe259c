package io.redline.api;

import java.time.Instant;
import java.util.List;

/**
 * A story: its articles, every version of them in time order (publishedAt, else ingestion time), and the
 * stories merged into it.
 */
public record StoryView(long id, String headline, Instant createdAt, Instant updatedAt, List<String> articles,
                        List<StoryVersionView> versions, List<MergeView> mergedFrom) {

    /** Story {@code storyId} was merged into this one when {@code articleId} matched both. */
    public record MergeView(long storyId, String articleId, Instant mergedAt) {
    }
}
