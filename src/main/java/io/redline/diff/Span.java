package io.redline.diff;

/** Character offsets {@code [start, end)} of a paragraph (or a group of them) in the original text. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a span needs 0 <= start <= end, got " + start + ", " + end);
        }
    }
}
