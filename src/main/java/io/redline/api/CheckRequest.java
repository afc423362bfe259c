package io.redline.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * Body of {@code POST /check}: a text to compare with the store, which stores nothing. {@code publishedAt}, when
 * given, lets texts published far apart be told apart as next editions.
 */
public record CheckRequest(String title, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String body,
                           Instant publishedAt) {
}
