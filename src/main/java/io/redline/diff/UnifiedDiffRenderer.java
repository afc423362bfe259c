package io.redline.diff;

import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders two article bodies as a unified diff of their lines, for {@code patch}, {@code git apply} and
 * java-diff-utils' {@code UnifiedDiffUtils.parseUnifiedDiff}.
 *
 * <p>A body's paragraphs are separated by blank lines, so its lines are its paragraphs and the blank lines
 * between them; a reworded paragraph shows up as one removed and one added line. Lines end at {@code '\n'}
 * only; a {@code '\r'} stays part of its line. For example
 *
 * <pre>{@code
 * render("v1", "Old lead.\n\nSame end.", "v2", "New lead.\n\nSame end.")
 * }</pre>
 *
 * gives
 *
 * <pre>
 * --- a/v1
 * +++ b/v2
 * &#64;@ -1,3 +1,3 @@
 * -Old lead.
 * +New lead.
 *
 *  Same end.
 * \ No newline at end of file
 * </pre>
 *
 * <p>The output is the text of the diff, every line (the last included) ended by {@code '\n'}. Two
 * identical bodies give the empty string, with no headers, as {@code diff -u} prints nothing for identical
 * files. A body that does not end with {@code '\n'} (the usual case for article bodies) gets GNU's
 * {@code "\ No newline at end of file"} marker after its last line whenever that line is part of a hunk, so
 * that GNU {@code patch} reproduces the new body byte for byte. java-diff-utils' parser skips that marker:
 * a reader that uses it must decide about the final newline itself.
 *
 * <p>Hunk headers follow GNU's convention (an empty range is {@code -0,0} at the start of a file), not
 * java-diff-utils' own, which differ on empty ranges; with at least one line of context the only empty
 * range is that of an empty body, which both read the same way. That is why the context is at least 1.
 *
 * <p>Bodies of up to {@link SequenceDiff#MAX_MYERS_LENGTH} lines in all get java-diff-utils' Myers diff; longer
 * ones a diff anchored on lines found once in each ({@link SequenceDiff}), so that no input holds a thread long.
 *
 * <p>Stateless and thread-safe.
 */
public final class UnifiedDiffRenderer {
    /** Lines of unchanged context around each change, as in {@code diff -u}. */
    public static final int DEFAULT_CONTEXT_LINES = 3;

    static final String NO_NEWLINE_MARKER = "\\ No newline at end of file";

    private static final Pattern HUNK_HEADER = Pattern.compile("^@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@$");

    private UnifiedDiffRenderer() {
    }

    /**
     * A unified diff with {@link #DEFAULT_CONTEXT_LINES} lines of context.
     *
     * @param fromName name of the old version, written as {@code --- a/fromName}; not null, no line break
     * @param fromBody the old body; not null
     * @param toName   name of the new version, written as {@code +++ b/toName}; not null, no line break
     * @param toBody   the new body; not null
     * @return the diff, ending with {@code '\n'}; the empty string when the bodies are identical
     */
    public static String render(String fromName, String fromBody, String toName, String toBody) {
        return render(fromName, fromBody, toName, toBody, DEFAULT_CONTEXT_LINES);
    }

    /**
     * A unified diff with the given lines of context.
     *
     * @param contextLines lines of unchanged context around each change, at least 1
     * @throws IllegalArgumentException if a name contains a line break or {@code contextLines < 1}
     * @see #render(String, String, String, String)
     */
    public static String render(String fromName, String fromBody, String toName, String toBody, int contextLines) {
        checkName("from name", fromName);
        checkName("to name", toName);
        Objects.requireNonNull(fromBody, "from body must not be null");
        Objects.requireNonNull(toBody, "to body must not be null");
        if (contextLines < 1) {
            throw new IllegalArgumentException("context lines must be at least 1, got " + contextLines);
        }
        List<Line> from = lines(fromBody);
        List<Line> to = lines(toBody);
        Patch<String> patch = textPatch(SequenceDiff.diff(from, to));
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(
                "a/" + fromName, "b/" + toName, texts(from), patch, contextLines);
        return withGnuConventions(diff, from, to);
    }

    private static void checkName(String what, String name) {
        Objects.requireNonNull(name, what + " must not be null");
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must not contain a line break, got '" + name + "'");
        }
    }

    /** One line of a body: its text without the {@code '\n'}, and whether it had one. */
    private record Line(String text, boolean terminated) {
    }

    /** {@code "a\n\nb"} → a, (blank), b (unterminated); {@code "a\n"} → a; {@code ""} → no lines. */
    private static List<Line> lines(String body) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                lines.add(new Line(body.substring(start), false));
                break;
            }
            lines.add(new Line(body.substring(start, end), true));
            start = end + 1;
        }
        return lines;
    }

    private static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    /** The line diff (which tells a last line without '\n' from the same text with one) as plain strings. */
    private static Patch<String> textPatch(Patch<Line> linePatch) {
        Patch<String> patch = new Patch<>();
        for (AbstractDelta<Line> delta : linePatch.getDeltas()) {
            patch.addDelta(new ChangeDelta<>(
                    new Chunk<>(delta.getSource().getPosition(), texts(delta.getSource().getLines())),
                    new Chunk<>(delta.getTarget().getPosition(), texts(delta.getTarget().getLines()))));
        }
        return patch;
    }

    /**
     * Joins java-diff-utils' lines, rewriting the start of empty ranges to GNU's convention (the line
     * before, 0 at the start of the file) and adding the missing-newline markers.
     */
    private static String withGnuConventions(List<String> diff, List<Line> from, List<Line> to) {
        StringBuilder out = new StringBuilder();
        boolean fromUnterminated = !from.isEmpty() && !from.get(from.size() - 1).terminated();
        boolean toUnterminated = !to.isEmpty() && !to.get(to.size() - 1).terminated();
        int fromLine = 0;
        int toLine = 0;
        boolean inHunks = false;
        for (String line : diff) {
            Matcher hunk = HUNK_HEADER.matcher(line);
            if (hunk.matches()) {
                inHunks = true;
                int fromStart = emptyRangeStart(hunk.group(1), hunk.group(2));
                int toStart = emptyRangeStart(hunk.group(3), hunk.group(4));
                out.append("@@ -").append(fromStart).append(',').append(hunk.group(2))
                        .append(" +").append(toStart).append(',').append(hunk.group(4)).append(" @@\n");
                fromLine = Integer.parseInt(hunk.group(2)) == 0 ? fromStart : fromStart - 1;
                toLine = Integer.parseInt(hunk.group(4)) == 0 ? toStart : toStart - 1;
                continue;
            }
            out.append(line).append('\n');
            if (!inHunks) {
                continue;
            }
            char tag = line.charAt(0);
            boolean lastOfFrom = false;
            boolean lastOfTo = false;
            if (tag == ' ' || tag == '-') {
                fromLine++;
                lastOfFrom = fromLine == from.size() && fromUnterminated;
            }
            if (tag == ' ' || tag == '+') {
                toLine++;
                lastOfTo = toLine == to.size() && toUnterminated;
            }
            if (lastOfFrom || lastOfTo) {
                out.append(NO_NEWLINE_MARKER).append('\n');
            }
        }
        return out.toString();
    }

    private static int emptyRangeStart(String start, String count) {
        int first = Integer.parseInt(start);
        return Integer.parseInt(count) == 0 ? first - 1 : first;
    }
}
