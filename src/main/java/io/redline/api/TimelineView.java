package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.redline.diff.DiffSummary;

import java.time.Instant;
import java.util.List;

/**
 * How a story evolved: its versions in publication order (publishedAt, then ingestion time), each with what
 * it changed from the one before, and how often each paragraph of the latest version was rewritten.
 */
public record TimelineView(long storyId, String headline, Instant firstSeen, Instant lastSeen, List<Step> steps,
                           List<ParagraphRewrites> paragraphs) {

    /**
     * One version. {@code changes} and {@code similarity} compare it with the step before (absent for the
     * first); {@code diff} is the path of that diff.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(int step, String articleId, int version, String title, Instant publishedAt,
                       Instant ingestedAt, int words, int paragraphs, Boolean titleChanged, Double similarity,
                       DiffSummary changes, String diff) {
    }

    /** A paragraph of the latest version: the step it first appeared in and how many times it was rewritten. */
    public record ParagraphRewrites(int index, int firstStep, int rewrites) {
    }
}
