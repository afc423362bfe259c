package io.redline.diff;

/**
 * One run of a word-level diff. Concatenating the EQUAL and DELETE runs gives the old text exactly, the
 * EQUAL and INSERT runs the new text exactly (whitespace and punctuation included).
 */
public record WordChange(Op op, String text) {
    public enum Op { EQUAL, INSERT, DELETE }

    public WordChange {
        if (op == null || text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a word change needs an op and non-empty text, got " + op + ", '" + text + "'");
        }
    }
}
