package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * How a story evolved: its versions in publication order (publishedAt, then ingestion time), each with what
 * it changed from the one before and the version it derives from (the lineage tree), and how often each
 * paragraph of the latest version was rewritten along its lineage.
 */
public record TimelineView(long storyId, String headline, Instant firstSeen, Instant lastSeen, List<Step> steps,
                           List<ParagraphRewrites> paragraphs) {

    /**
     * One version. {@code changes} and {@code similarity} compare it with the step before (absent for the
     * first); {@code diff} is the path of that diff. {@code derivedFrom} and {@code relation} name the version it
     * derives from (absent when none is recorded); {@code reuses} is set when that version is not in this story.
     * {@code source} and {@code url} say where it was published, absent when unknown.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(int step, String articleId, int version, String title, Instant publishedAt,
                       Instant ingestedAt, int words, int paragraphs, Boolean titleChanged, Double similarity,
                       DiffSummaryView changes, String diff, DerivedFrom derivedFrom, String relation, Reuses reuses,
                       String source, String url) {
    }

    /** The parent version; {@code step} is its step in this story, absent when it is not in the story. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DerivedFrom(String articleId, int version, Integer step) {
    }

    /** A parent outside the story (e.g. the source of a TEMPLATE); {@code storyId} absent when it was deleted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reuses(String articleId, int version, Long storyId) {
    }

    /** A paragraph of the latest version: the step it first appeared in and how many times it was rewritten. */
    public record ParagraphRewrites(int index, int firstStep, int rewrites) {
    }
}
