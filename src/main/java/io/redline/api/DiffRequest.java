package io.redline.api;

/** Body of {@code POST /diff}: two texts that are not stored. */
public record DiffRequest(Text from, Text to) {
    /** One side: an optional headline and a body with paragraphs separated by blank lines. */
    public record Text(String title, String body) {
    }
}
