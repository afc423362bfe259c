package io.redline.core;

import io.redline.api.ArticleRequest;

import java.nio.charset.StandardCharsets;

/**
 * Checks article input before any work is done: ids, lengths and the size limit (default 2 MB of UTF-8).
 * Immutable and thread-safe.
 */
public record InputLimits(long maxInputBytes) {
    public static final long DEFAULT_MAX_INPUT_BYTES = 2L * 1024 * 1024;
    static final int MAX_ID = 200;
    static final int MAX_TITLE = 2000;
    static final int MAX_URL = 2000;
    static final int MAX_SOURCE = 200;

    public InputLimits {
        if (maxInputBytes < 1) {
            throw new IllegalArgumentException("maxInputBytes must be >= 1, got " + maxInputBytes);
        }
    }

    public void checkArticle(ArticleRequest a) {
        if (a == null) {
            throw new InvalidInputException(422, null, "request body must be a JSON object with id, title and body");
        }
        if (a.id() == null || a.id().isBlank()) {
            throw new InvalidInputException(422, "id", "id is required and must not be empty");
        }
        if (a.id().length() > MAX_ID || a.id().chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(422, "id", "id must be at most " + MAX_ID + " characters without control characters");
        }
        checkText(a.title(), a.body());
        checkLength("url", a.url(), MAX_URL);
        checkLength("source", a.source(), MAX_SOURCE);
        checkNoNul("url", a.url());
        checkNoNul("source", a.source());
    }

    public void checkText(String title, String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException(422, "body", "body is required and must not be empty");
        }
        checkLength("title", title, MAX_TITLE);
        checkNoNul("title", title);
        checkNoNul("body", body);
        long bytes = utf8Length(body) + (title == null ? 0 : utf8Length(title));
        if (bytes > maxInputBytes) {
            throw new InvalidInputException(413, "body",
                    "title and body are " + bytes + " bytes, over the limit of " + maxInputBytes + " bytes");
        }
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(422, field, field + " must be at most " + max + " characters, got " + value.length());
        }
    }

    /** PostgreSQL cannot store U+0000 in text; no real article contains it. */
    private static void checkNoNul(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(422, field, field + " must not contain NUL (U+0000) characters");
        }
    }

    static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
