package io.redline.api;

import io.redline.diff.Span;

import java.time.Instant;
import java.util.List;

/**
 * One stored version of an article, with the story its article belongs to. {@code paragraphs} are the body's
 * paragraphs as the service splits them (character offsets, end exclusive): what a match's {@code matchIndex}
 * counts.
 */
public record ArticleView(String id, int version, long storyId, String title, String body, Instant publishedAt,
                          String url, String source, Instant ingestedAt, List<Span> paragraphs) {
}
