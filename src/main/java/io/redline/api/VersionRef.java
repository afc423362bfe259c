package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Which stored version a side of a diff is: article, version, its step in the story's time line, and where it
 * was published (outlet, link and time, each absent when unknown).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionRef(String articleId, Integer version, Integer step, String title, String source, String url,
                         Instant publishedAt, Instant ingestedAt) {
}
