package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * The body of one webhook delivery. {@code id} is the same on every retry of the event: receivers de-duplicate
 * on it. {@code diff} compares the version with the one it derives from ({@code from}: its own previous version,
 * or the stored article it duplicates, revises or quotes); both are null for a text derived from nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEvent(String id, long subscription, String event, Instant occurredAt, Article article, long storyId,
                           String relation, VersionRef from, Summary diff, Links links) {
    public record Article(String id, int version, String title, String source, String url) {
    }

    public record VersionRef(String articleId, int version, String relation) {
    }

    /** Paragraph counts, words added and removed, and the largest change class of any paragraph. */
    public record Summary(int paragraphsUnchanged, int paragraphsModified, int paragraphsMoved, int paragraphsInserted,
                          int paragraphsDeleted, int paragraphsSplit, int paragraphsMerged, int wordsAdded,
                          int wordsRemoved, String changeClass, boolean titleChanged, double similarity) {
    }

    /** Where to read more: the story, and the full diff as JSON, HTML, unified text and on the editors' page. */
    public record Links(String story, String diffJson, String diffHtml, String diffUnified, String page) {
    }
}
