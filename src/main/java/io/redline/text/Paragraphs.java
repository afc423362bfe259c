package io.redline.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an article body into paragraphs.
 *
 * <p>Paragraphs are separated by blank lines ({@code "a\n\nb"} → [a, b]). A body with no blank line at all
 * but several lines is taken to use one line per paragraph ({@code "a\nb"} → [a, b]), as some CMS exports
 * do. Each paragraph is trimmed; empty ones are dropped. Offsets point into the original body.
 */
public final class Paragraphs {
    private Paragraphs() {
    }

    /** @param body any text, not null; returns an empty list for a blank body */
    public static List<Paragraph> split(String body) {
        boolean blankLineSeparated = hasBlankLine(body);
        List<Paragraph> out = new ArrayList<>();
        int lineStart = 0;
        int paraStart = -1;
        int paraEnd = -1;
        int n = body.length();
        while (lineStart <= n) {
            int lineEnd = body.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            boolean blank = isBlank(body, lineStart, lineEnd);
            if (blank || !blankLineSeparated) {
                if (paraStart >= 0) {
                    add(out, body, paraStart, paraEnd);
                    paraStart = -1;
                }
            }
            if (!blank) {
                if (paraStart < 0) {
                    paraStart = lineStart;
                }
                paraEnd = lineEnd;
                if (!blankLineSeparated) {
                    add(out, body, paraStart, paraEnd);
                    paraStart = -1;
                }
            }
            lineStart = lineEnd + 1;
        }
        if (paraStart >= 0) {
            add(out, body, paraStart, paraEnd);
        }
        return List.copyOf(out);
    }

    private static void add(List<Paragraph> out, String body, int from, int to) {
        while (from < to && isSpace(body.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(body.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            out.add(new Paragraph(out.size(), body.substring(from, to), from, to));
        }
    }

    /** Whether a blank line stands between two lines of text (a trailing blank line does not count). */
    private static boolean hasBlankLine(String body) {
        int lineStart = 0;
        boolean seenText = false;
        boolean blankAfterText = false;
        while (lineStart <= body.length()) {
            int lineEnd = body.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = body.length();
            }
            boolean blank = isBlank(body, lineStart, lineEnd);
            if (!blank && blankAfterText) {
                return true;
            }
            blankAfterText |= blank && seenText;
            seenText |= !blank;
            lineStart = lineEnd + 1;
        }
        return false;
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** White space, including the no-break spaces that HTML exports leave on "empty" lines. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
