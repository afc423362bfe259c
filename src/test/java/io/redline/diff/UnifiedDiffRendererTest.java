package io.redline.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import io.redline.testing.Fixtures;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class UnifiedDiffRendererTest {
    private static final Path GNU_PATCH = Path.of("/usr/bin/patch");
    private static final Pattern HUNK_HEADER = Pattern.compile("^@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@$");

    @TempDir
    Path tmp;

    static Stream<Arguments> bodyPairs() {
        JsonNode from = Fixtures.seed("seed-07");
        JsonNode to = Fixtures.seed("seed-08");
        return Stream.of(
                pair("seed-07 to seed-08", from.get("body").asText(), to.get("body").asText()),
                pair("a reworded middle paragraph", "One.\n\nTwo.\n\nThree.", "One.\n\nTwo, reworded.\n\nThree."),
                pair("a paragraph inserted at the start", "One.\n\nTwo.", "Zero.\n\nOne.\n\nTwo."),
                pair("a paragraph appended at the end", "One.\n\nTwo.", "One.\n\nTwo.\n\nThree."),
                pair("the last paragraph cut", "One.\n\nTwo.\n\nThree.", "One.\n\nTwo."),
                pair("only the final newline added", "One.\n\nTwo.", "One.\n\nTwo.\n"),
                pair("only the final newline removed", "One.\n\nTwo.\n", "One.\n\nTwo."),
                pair("both ending with a newline", "One.\n\nTwo.\n", "One.\n\nTwo, reworded.\n"),
                pair("from an empty body", "", "One.\n\nTwo."),
                pair("to an empty body", "One.\n\nTwo.", ""),
                pair("changes far apart, in two hunks",
                        "P1.\n\nP2.\n\nP3.\n\nP4.\n\nP5.\n\nP6.\n\nP7.\n\nP8.",
                        "P1 changed.\n\nP2.\n\nP3.\n\nP4.\n\nP5.\n\nP6.\n\nP7.\n\nP8 changed."),
                pair("lines that look like diff syntax",
                        "--- a/x\n\n+++ b/y\n\n@@ -1 +1 @@\n\n\\ note",
                        "--- a/x\n\n+++ b/z\n\n@@ -1 +1 @@\n\n\\ note, changed"),
                pair("Windows line endings", "One.\r\n\r\nTwo.\r\n", "One.\r\n\r\nTwo, reworded.\r\n\r\nThree."),
                pair("non-ASCII text", "Islamic State’s «caliphate» — 40 km.\n\nSame.", "Islamic State’s ‘caliphate’ – 40 km.\n\nSame."));
    }

    private static Arguments pair(String name, String from, String to) {
        return Arguments.of(Named.of(name, from), to);
    }

    @ParameterizedTest
    @MethodSource("bodyPairs")
    void javaDiffUtilsAppliesThePatchToTheOldBodyAndGetsTheNewBody(String from, String to) throws Exception {
        String diff = UnifiedDiffRenderer.render("old", from, "new", to);

        assertThat(applyWithDiffUtils(from, diff)).isEqualTo(to);
    }

    @ParameterizedTest
    @MethodSource("bodyPairs")
    void gnuPatchAppliesThePatchToTheOldFileAndGetsTheNewOneByteForByte(String from, String to) throws Exception {
        assumeTrue(Files.isExecutable(GNU_PATCH), "GNU patch is not installed at " + GNU_PATCH);
        Path old = Files.writeString(tmp.resolve("old.txt"), from, StandardCharsets.UTF_8);
        Path diff = Files.writeString(tmp.resolve("change.patch"),
                UnifiedDiffRenderer.render("old.txt", from, "new.txt", to), StandardCharsets.UTF_8);
        Path out = tmp.resolve("new.txt");

        String log = run(tmp, GNU_PATCH.toString(), "--batch", "--fuzz=0", "--no-backup-if-mismatch", "-u",
                "-o", out.toString(), old.toString(), diff.toString());

        assertThat(log).doesNotContain("offset", "fuzz", "FAILED");
        assertThat(Files.readAllBytes(out)).isEqualTo(to.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void gnuPatchFindsTheFileFromTheHeadersWithOneLeadingComponentStripped() throws Exception {
        assumeTrue(Files.isExecutable(GNU_PATCH), "GNU patch is not installed at " + GNU_PATCH);
        String from = Fixtures.seed("seed-07").get("body").asText();
        String to = Fixtures.seed("seed-08").get("body").asText();
        Path article = Files.writeString(tmp.resolve("article.txt"), from, StandardCharsets.UTF_8);
        Path diff = Files.writeString(tmp.resolve("change.patch"),
                UnifiedDiffRenderer.render("article.txt", from, "article.txt", to), StandardCharsets.UTF_8);

        run(tmp, GNU_PATCH.toString(), "--batch", "--fuzz=0", "--no-backup-if-mismatch", "-p1", "-i", diff.toString());

        assertThat(Files.readString(article, StandardCharsets.UTF_8)).isEqualTo(to);
    }

    @Test
    void aSmallChangeRendersExactlyAsDiffDashUWould() {
        String diff = UnifiedDiffRenderer.render("v1", "Old lead.\n\nSame end.", "v2", "New lead.\n\nSame end.");

        assertThat(diff).isEqualTo("""
                --- a/v1
                +++ b/v2
                @@ -1,3 +1,3 @@
                -Old lead.
                +New lead.
                \s
                 Same end.
                \\ No newline at end of file
                """);
    }

    @Test
    void identicalBodiesGiveTheEmptyString() {
        assertThat(UnifiedDiffRenderer.render("v1", "One.\n\nTwo.", "v2", "One.\n\nTwo.")).isEmpty();
        assertThat(UnifiedDiffRenderer.render("v1", "", "v2", "")).isEmpty();
    }

    @Test
    void everyLineOfANonEmptyDiffEndsWithANewline() {
        String diff = UnifiedDiffRenderer.render("v1", "One.\n\nTwo.", "v2", "One.\n\nTwo!");

        assertThat(diff).endsWith("\n").doesNotContain("\n\n");
        assertThat(diff).startsWith("--- a/v1\n+++ b/v2\n@@ ");
    }

    @Test
    void aDiffFromAnEmptyBodyStartsItsOldRangeAtLineZero() {
        assertThat(UnifiedDiffRenderer.render("v1", "", "v2", "One.\n\nTwo.\n"))
                .isEqualTo("--- a/v1\n+++ b/v2\n@@ -0,0 +1,3 @@\n+One.\n+\n+Two.\n");
        assertThat(UnifiedDiffRenderer.render("v1", "One.\n", "v2", ""))
                .isEqualTo("--- a/v1\n+++ b/v2\n@@ -1,1 +0,0 @@\n-One.\n");
    }

    @Test
    void onlyAChangedFinalNewlineStillShowsTheLastLineOnBothSides() {
        assertThat(UnifiedDiffRenderer.render("v1", "One.", "v2", "One.\n"))
                .isEqualTo("--- a/v1\n+++ b/v2\n@@ -1,1 +1,1 @@\n-One.\n\\ No newline at end of file\n+One.\n");
    }

    @Test
    void distantChangesGetSeparateHunksAndMoreContextJoinsThem() {
        String from = "P1.\n\nP2.\n\nP3.\n\nP4.\n\nP5.\n\nP6.\n\nP7.\n\nP8.";
        String to = "P1 changed.\n\nP2.\n\nP3.\n\nP4.\n\nP5.\n\nP6.\n\nP7.\n\nP8 changed.";

        assertThat(hunkHeaders(UnifiedDiffRenderer.render("v1", from, "v2", to)))
                .containsExactly("@@ -1,4 +1,4 @@", "@@ -12,4 +12,4 @@");
        assertThat(hunkHeaders(UnifiedDiffRenderer.render("v1", from, "v2", to, 1)))
                .containsExactly("@@ -1,2 +1,2 @@", "@@ -14,2 +14,2 @@");
        assertThat(hunkHeaders(UnifiedDiffRenderer.render("v1", from, "v2", to, 7)))
                .containsExactly("@@ -1,15 +1,15 @@");
    }

    @Test
    void aContextOfLessThanOneLineIsRejected() {
        assertThatThrownBy(() -> UnifiedDiffRenderer.render("v1", "a", "v2", "b", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("context lines must be at least 1, got 0");
    }

    @Test
    void aNameWithALineBreakIsRejected() {
        assertThatThrownBy(() -> UnifiedDiffRenderer.render("v1\n+++ evil", "a", "v2", "b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from name must not contain a line break, got 'v1\n+++ evil'");
    }

    @Test
    void nullArgumentsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> UnifiedDiffRenderer.render("v1", null, "v2", "b"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("from body must not be null");
        assertThatThrownBy(() -> UnifiedDiffRenderer.render("v1", "a", null, "b"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("to name must not be null");
    }

    private static List<String> hunkHeaders(String diff) {
        return diff.lines().filter(l -> l.startsWith("@@")).toList();
    }

    /**
     * Parses the diff and patches the old body with java-diff-utils. Its parser skips GNU's
     * "\ No newline at end of file" marker, so the final newline is decided here: the marker after a new
     * line means none; a hunk that reaches the new end without one means one; otherwise it is unchanged.
     */
    private static String applyWithDiffUtils(String oldBody, String diff) throws PatchFailedException {
        List<String> diffLines = Arrays.asList(diff.split("\n"));
        Patch<String> patch = UnifiedDiffUtils.parseUnifiedDiff(diffLines);
        List<String> newLines = DiffUtils.patch(bodyLines(oldBody), patch);

        boolean reachesEnd = false;
        boolean endsWithoutNewline = false;
        String previous = "";
        for (String line : diffLines) {
            Matcher hunk = HUNK_HEADER.matcher(line);
            if (hunk.matches()) {
                int count = Integer.parseInt(hunk.group(4));
                reachesEnd = count > 0 && Integer.parseInt(hunk.group(3)) + count - 1 == newLines.size();
            } else if (line.equals(UnifiedDiffRenderer.NO_NEWLINE_MARKER)
                    && (previous.startsWith("+") || previous.startsWith(" "))) {
                endsWithoutNewline = true;
            }
            previous = line;
        }
        boolean oldTerminated = oldBody.endsWith("\n");
        boolean terminated = reachesEnd ? !endsWithoutNewline : oldTerminated;
        String body = String.join("\n", newLines);
        return newLines.isEmpty() || !terminated ? body : body + "\n";
    }

    private static List<String> bodyLines(String body) {
        List<String> lines = new ArrayList<>(Arrays.asList(body.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("patch finished").isTrue();
        assertThat(process.exitValue()).as("patch exit status, output: %s", output).isZero();
        return output;
    }
}
