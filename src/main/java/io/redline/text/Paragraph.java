package io.redline.text;

/**
 * One paragraph of an article: its zero-based position and its text, with the character offsets of that
 * text in the original body ({@code body.substring(start, end).equals(text)}).
 */
public record Paragraph(int index, String text, int start, int end) {
    public Paragraph {
        if (index < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException(
                    "paragraph needs index >= 0 and 0 <= start <= end, got " + index + ", " + start + ", " + end);
        }
    }
}
