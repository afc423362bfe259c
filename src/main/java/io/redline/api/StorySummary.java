package io.redline.api;

import java.time.Instant;

/** One line of the story list. */
public record StorySummary(long id, String headline, int articles, int versions, Instant createdAt, Instant updatedAt) {
}
