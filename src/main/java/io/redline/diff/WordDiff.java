package io.redline.diff;

import com.github.difflib.patch.AbstractDelta;
import io.redline.budget.Deadline;
import io.redline.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Word-level changes between two paragraphs, aligning sentences first so that a rewritten sentence does not
 * smear over its neighbours: sentences are paired in order by word overlap (a sentence that is gone or new
 * is one DELETE or INSERT run), then the words of each pair are diffed with java-diff-utils.
 *
 * <p>Example: "Rebels took the town. Fighting continued." → "Rebels seized the town. Fighting continued."
 * gives [EQUAL "Rebels ", DELETE "took", INSERT "seized", EQUAL " the town. Fighting continued."].
 * The EQUAL and DELETE runs give the old text exactly, the EQUAL and INSERT runs the new one.
 * Stateless and thread-safe.
 */
final class WordDiff {
    /** Sentences are paired when at least this share of their words (Dice) agree. */
    static final double SENTENCE_PAIR_THRESHOLD = 0.3;
    /** Above this many sentence pairs to weigh, a plain sequence diff of whole sentences is used instead. */
    private static final int MAX_SENTENCE_CELLS = 10_000;

    private WordDiff() {
    }

    /** The runs from {@code a} to {@code b}, and how many words they keep, add and remove. */
    record Result(List<WordChange> changes, int equalWords, int addedWords, int removedWords) {
        double similarity() {
            int total = 2 * equalWords + addedWords + removedWords;
            return total == 0 ? 1.0 : 2.0 * equalWords / total;
        }
    }

    static Result diff(String a, String b) {
        Runs runs = new Runs(true);
        if (a.equals(b)) {
            runs.add(WordChange.Op.EQUAL, a);
            return runs.result();
        }
        List<String> sa = Sentences.split(a);
        List<String> sb = Sentences.split(b);
        return diff(sa, sb, alignSentences(sa, sb), true);
    }

    /**
     * The runs between two paragraphs' sentences, given their alignment ({@link #alignSentences}); with
     * {@code keepText} false only the word counts, and no runs (what a similarity needs).
     */
    static Result diff(List<String> sa, List<String> sb, List<int[]> pairs, boolean keepText) {
        Runs runs = new Runs(keepText);
        int i = 0;
        int j = 0;
        for (int[] p : pairs) {
            Deadline.check();
            for (; i < p[0]; i++) {
                runs.add(WordChange.Op.DELETE, sa.get(i));
            }
            for (; j < p[1]; j++) {
                runs.add(WordChange.Op.INSERT, sb.get(j));
            }
            String from = sa.get(i++);
            String to = sb.get(j++);
            if (from.equals(to)) {
                runs.add(WordChange.Op.EQUAL, from); // most paired sentences of a reworded paragraph are untouched
            } else {
                diffTokens(DiffTokens.tokens(from), DiffTokens.tokens(to), runs);
            }
        }
        for (; i < sa.size(); i++) {
            runs.add(WordChange.Op.DELETE, sa.get(i));
        }
        for (; j < sb.size(); j++) {
            runs.add(WordChange.Op.INSERT, sb.get(j));
        }
        return runs.result();
    }

    /** Token-level diff of two token lists appended to {@code runs}. */
    static void diffTokens(List<String> ta, List<String> tb, Runs runs) {
        int i = 0;
        for (AbstractDelta<String> delta : SequenceDiff.diff(ta, tb).getDeltas()) {
            int from = delta.getSource().getPosition();
            for (; i < from; i++) {
                runs.add(WordChange.Op.EQUAL, ta.get(i));
            }
            for (String t : delta.getSource().getLines()) {
                runs.add(WordChange.Op.DELETE, t);
            }
            for (String t : delta.getTarget().getLines()) {
                runs.add(WordChange.Op.INSERT, t);
            }
            i = from + delta.getSource().size();
        }
        for (; i < ta.size(); i++) {
            runs.add(WordChange.Op.EQUAL, ta.get(i));
        }
    }

    /**
     * The order-preserving set of sentence pairs with the largest total similarity (each pair at least
     * {@link #SENTENCE_PAIR_THRESHOLD}), by dynamic programming over the two short sentence lists.
     */
    static List<int[]> alignSentences(List<String> sa, List<String> sb) {
        int n = sa.size();
        int m = sb.size();
        if ((long) n * m > MAX_SENTENCE_CELLS) {
            return alignSentencesBySequence(sa, sb);
        }
        // each sentence's words read once, not once per cell: a long sentence against many short ones stays linear
        WordVocabulary ids = new WordVocabulary();
        int[][] wa = new int[n][];
        int[][] wb = new int[m][];
        for (int i = 0; i < n; i++) {
            wa[i] = sortedIds(sa.get(i), ids);
        }
        for (int j = 0; j < m; j++) {
            wb[j] = sortedIds(sb.get(j), ids);
        }
        double[][] dice = new double[n][m];
        double[][] best = new double[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            Deadline.check();
            for (int j = m - 1; j >= 0; j--) {
                double pair = dice(wa[i], wb[j]);
                dice[i][j] = pair;
                double take = pair >= SENTENCE_PAIR_THRESHOLD ? pair + best[i + 1][j + 1] : -1;
                best[i][j] = Math.max(take, Math.max(best[i + 1][j], best[i][j + 1]));
            }
        }
        List<int[]> pairs = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            double pair = dice[i][j];
            if (pair >= SENTENCE_PAIR_THRESHOLD && best[i][j] == pair + best[i + 1][j + 1]) {
                pairs.add(new int[]{i++, j++});
            } else if (best[i][j] == best[i + 1][j]) {
                i++;
            } else {
                j++;
            }
        }
        return pairs;
    }

    private static List<int[]> alignSentencesBySequence(List<String> sa, List<String> sb) {
        List<int[]> pairs = new ArrayList<>();
        List<String> na = sa.stream().map(TextNormalizer::normalize).toList();
        List<String> nb = sb.stream().map(TextNormalizer::normalize).toList();
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : SequenceDiff.diff(na, nb).getDeltas()) {
            for (; i < delta.getSource().getPosition(); i++, j++) {
                pairs.add(new int[]{i, j});
            }
            int paired = Math.min(delta.getSource().size(), delta.getTarget().size());
            for (int k = 0; k < paired; k++) {
                pairs.add(new int[]{i + k, delta.getTarget().getPosition() + k});
            }
            i = delta.getSource().getPosition() + delta.getSource().size();
            j = delta.getTarget().getPosition() + delta.getTarget().size();
        }
        for (; i < sa.size() && j < sb.size(); i++, j++) {
            pairs.add(new int[]{i, j});
        }
        return pairs;
    }

    static List<String> words(String text) {
        return DiffTokens.words(TextNormalizer.normalize(text));
    }

    /** The {@link #words} of a sentence as ids, sorted: a multiset that compares by merging. */
    private static int[] sortedIds(String sentence, WordVocabulary ids) {
        String text = TextNormalizer.normalize(sentence);
        int[] out = new int[8];
        int size = 0;
        for (int start = DiffTokens.nextWord(text, 0), end; start < text.length(); start = DiffTokens.nextWord(text, end)) {
            end = DiffTokens.tokenEnd(text, start);
            if (size == out.length) {
                out = Arrays.copyOf(out, size * 2);
            }
            out[size++] = ids.word(text, start, end).id;
        }
        out = Arrays.copyOf(out, size);
        Arrays.sort(out);
        return out;
    }

    /** Dice coefficient of two word multisets (sorted ids): 2 × common words / all words; 1 when both are empty. */
    static double dice(int[] x, int[] y) {
        if (x.length == 0 && y.length == 0) {
            return 1.0;
        }
        int common = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (x.length + y.length);
    }

    /** Builds runs: merges neighbours of the same kind, and groups each stretch of changes as one DELETE and one INSERT. */
    static final class Runs {
        private final boolean keepText;
        private final List<WordChange.Op> ops = new ArrayList<>();
        private final List<StringBuilder> texts = new ArrayList<>();
        private int equalWords;
        private int addedWords;
        private int removedWords;

        Runs(boolean keepText) {
            this.keepText = keepText;
        }

        void add(WordChange.Op op, String text) {
            if (text.isEmpty()) {
                return;
            }
            int words = DiffTokens.countWords(text);
            switch (op) {
                case EQUAL -> equalWords += words;
                case INSERT -> addedWords += words;
                case DELETE -> removedWords += words;
            }
            if (!keepText) {
                return;
            }
            int last = ops.size() - 1;
            if (last >= 0 && ops.get(last) == op) {
                texts.get(last).append(text);
            } else {
                ops.add(op);
                texts.add(new StringBuilder(text));
            }
        }

        Result result() {
            List<WordChange> out = new ArrayList<>();
            StringBuilder deleted = new StringBuilder();
            StringBuilder inserted = new StringBuilder();
            for (int k = 0; k < ops.size(); k++) {
                String text = texts.get(k).toString();
                boolean bridge = ops.get(k) == WordChange.Op.EQUAL && text.isBlank() && k + 1 < ops.size()
                        && deleted.length() > 0 && inserted.length() > 0;
                if (ops.get(k) == WordChange.Op.EQUAL && !bridge) {
                    flush(out, deleted, inserted);
                    out.add(new WordChange(WordChange.Op.EQUAL, text));
                } else if (bridge) {
                    // white space between two changes reads better inside them
                    deleted.append(text);
                    inserted.append(text);
                } else if (ops.get(k) == WordChange.Op.DELETE) {
                    deleted.append(text);
                } else {
                    inserted.append(text);
                }
            }
            flush(out, deleted, inserted);
            return new Result(out, equalWords, addedWords, removedWords);
        }

        private static void flush(List<WordChange> out, StringBuilder deleted, StringBuilder inserted) {
            if (deleted.length() > 0) {
                out.add(new WordChange(WordChange.Op.DELETE, deleted.toString()));
            }
            if (inserted.length() > 0) {
                out.add(new WordChange(WordChange.Op.INSERT, inserted.toString()));
            }
            deleted.setLength(0);
            inserted.setLength(0);
        }
    }
}
