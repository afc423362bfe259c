package io.redline.api;

import java.util.List;

/**
 * Result of storing an article. {@code status}: CREATED (a new article), UPDATED (a new version of a stored
 * one) or UNCHANGED (the same content again: nothing stored). {@code mergedStories} lists stories that this
 * article joined into {@code storyId}.
 */
public record IngestResponse(String id, int version, long storyId, String status, String classification,
                             List<MatchView> matches, List<Long> mergedStories) {
}
