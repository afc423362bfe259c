package io.redline.api;

/** Body of {@code POST /check}: a text to compare with the store, which stores nothing. */
public record CheckRequest(String title, String body) {
}
