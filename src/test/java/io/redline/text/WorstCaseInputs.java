package io.redline.text;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Texts of the shapes that make paragraph matching and diffing quadratic if done naively, at and beyond the
 * limits the service enforces (5,000 paragraphs and 2 MB of UTF-8 per text, 50,000 characters per paragraph).
 * Every text is built from a fixed seed. Paragraphs are joined by blank lines.
 */
public final class WorstCaseInputs {
    public static final int MAX_PARAGRAPHS = 5_000;
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_PARAGRAPH_CHARS = 50_000;

    /** CPU time one worst case may take: the quadratic versions took 15 s to minutes, or ran out of memory. */
    public static final Duration CPU_BOUND = Duration.ofSeconds(5);
    /** Wall-clock time after which a worst case is stopped: generous, as the test machine may be shared. */
    public static final Duration WALL_BOUND = Duration.ofSeconds(60);

    private WorstCaseInputs() {
    }

    /**
     * Runs {@code work} and asserts that it used less than {@link #CPU_BOUND} of CPU time on its thread (stopping
     * it after {@link #WALL_BOUND}). CPU rather than wall-clock time, so that a busy machine does not fail it.
     */
    public static <T> T bounded(Supplier<T> work) {
        return assertTimeoutPreemptively(WALL_BOUND, () -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            T result = work.get();
            Duration used = Duration.ofNanos(threads.getCurrentThreadCpuTime() - start);
            assertThat(used).as("CPU time").isLessThan(CPU_BOUND);
            return result;
        });
    }

    public static String body(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** {@code n} copies of the same one-word paragraph. */
    public static List<String> sameWord(int n) {
        return Collections.nCopies(n, "word");
    }

    /** {@code n} one-word paragraphs, all different. */
    public static List<String> distinctWords(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(word(i));
        }
        return out;
    }

    /** {@code n} different news-like paragraphs of about 20 words from a 5,000-word vocabulary. */
    public static List<String> article(int n, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder p = new StringBuilder("Paragraph ").append(word(i + 100_000));
            for (int w = 0; w < 18; w++) {
                p.append(' ').append(word(rnd.nextInt(5_000)));
            }
            out.add(p.append('.').toString());
        }
        return out;
    }

    /**
     * {@code n} short paragraphs (17 bytes on average, like the 135 KB of 8,000 paragraphs of issue 9): a word
     * of its own and two from a 5,000-word vocabulary. {@link #reworded} changes the last of them.
     */
    public static List<String> shortParagraphs(int n, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(word(i + 100_000) + " " + word(rnd.nextInt(5_000)) + " " + word(rnd.nextInt(5_000)) + ".");
        }
        return out;
    }

    /** Each paragraph with its last word replaced by "changed", so that none is equal to its original. */
    public static List<String> reworded(List<String> paragraphs) {
        return paragraphs.stream().map(p -> p.substring(0, p.lastIndexOf(' ') + 1) + "changed.").toList();
    }

    /** The same paragraphs in another order. */
    public static List<String> shuffled(List<String> paragraphs, long seed) {
        List<String> out = new ArrayList<>(paragraphs);
        Collections.shuffle(out, new Random(seed));
        return out;
    }

    /** One paragraph of about {@code chars} characters, of words made only of the letters {@code from..to}. */
    public static String wordsOfLetters(int chars, char from, char to, long seed) {
        Random rnd = new Random(seed);
        StringBuilder p = new StringBuilder(chars + 16);
        while (p.length() < chars) {
            if (p.length() > 0) {
                p.append(' ');
            }
            int len = 3 + rnd.nextInt(6);
            for (int k = 0; k < len; k++) {
                p.append((char) (from + rnd.nextInt(to - from + 1)));
            }
            if (rnd.nextInt(12) == 0) {
                p.append('.');
            }
        }
        return p.toString();
    }

    /** One word of {@code chars} letters. */
    public static String singleWord(int chars) {
        return "a".repeat(chars);
    }

    /** {@code n} paragraphs that all hold the word pair "common pair", each with its own other words. */
    public static List<String> sharedPair(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add("The common pair " + word(3 * i) + " " + word(3 * i + 1) + " " + word(3 * i + 2) + ".");
        }
        return out;
    }

    /** {@code n} numbered clauses of a contract that repeat the same phrasing. */
    public static List<String> legalClauses(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(i + ". Subject to clause " + (i % 40 + 1) + ", the Supplier shall indemnify the Customer against "
                    + "all losses, damages, costs and expenses arising out of any breach of this Agreement by the "
                    + "Supplier, provided that the Customer notifies the Supplier in writing within thirty days.");
        }
        return out;
    }

    /** A made-up word for {@code i}, different for every {@code i}, of letters only. */
    public static String word(int i) {
        StringBuilder w = new StringBuilder();
        int v = i;
        do {
            w.append((char) ('a' + v % 26));
            v /= 26;
        } while (v > 0);
        return w.append("ex").toString();
    }
}
