package io.redline.core;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads newline-delimited JSON one line at a time without ever holding more than {@code maxChars} of a line:
 * a longer line is skipped to its end and reported as too long, so one huge line cannot exhaust memory.
 * Not thread-safe.
 */
public final class NdjsonLines {
    /** One line: its 1-based number and its text, or {@code tooLong} with no text. */
    public record Line(int number, String text, boolean tooLong) {
    }

    private final Reader reader;
    private final int maxChars;
    private int number;
    private boolean ended;

    public NdjsonLines(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        if (ended) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        int c;
        while ((c = reader.read()) != -1 && c != '\n') {
            if (text.length() < maxChars) {
                text.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (c == -1) {
            ended = true;
            if (text.length() == 0 && !tooLong) {
                return null;
            }
        }
        number++;
        return tooLong ? new Line(number, null, true) : new Line(number, text.toString(), false);
    }
}
