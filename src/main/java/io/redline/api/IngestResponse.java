package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Result of storing an article. {@code status}: CREATED (a new article), UPDATED (a new version of a stored
 * one) or UNCHANGED (the same content again: nothing stored). {@code mergedStories} lists stories that this
 * article joined into {@code storyId}. {@code paragraphs}, with the matches' shared paragraphs (not in bulk
 * answers), are the body's paragraphs as the service splits them, as in {@link CheckResponse}.
 */
public record IngestResponse(String id, int version, long storyId, String status, String classification,
                             List<MatchView> matches, List<Long> mergedStories,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<SpanView> paragraphs) {
}
