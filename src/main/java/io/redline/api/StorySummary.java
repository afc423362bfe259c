package io.redline.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One line of the story list. {@code publishedAt} is the latest publication time among its articles' latest
 * versions, absent when none is known (then a view shows {@code updatedAt}, when the story was last stored to).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StorySummary(long id, String headline, int articles, int versions, Instant createdAt, Instant updatedAt,
                           Instant publishedAt) {
}
