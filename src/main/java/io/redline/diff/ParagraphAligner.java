package io.redline.diff;

import io.redline.budget.Deadline;
import io.redline.text.TextNormalizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs the paragraphs of two versions by content, not by position.
 *
 * <ol>
 *   <li>Paragraphs equal after normalisation anchor the alignment.</li>
 *   <li>Splits and merges: a run of two or more consecutive new paragraphs whose words each lie mostly
 *   (≥ {@link #PIECE_CONTAINMENT}) in one old paragraph, and which together resemble it (≥
 *   {@link #GROUP_SIMILARITY}), is that paragraph split; the mirror image is a merge. Pieces are looked
 *   for among the paragraphs sharing a word with the old one, through an inverted index.</li>
 *   <li>The rest are paired best-first by weighted word overlap — Dice over word sets, each word weighted by
 *   how few paragraphs of the two versions contain it, so "the" and "said" count for little and names for
 *   much — down to {@link DiffOptions#pairThreshold()}. Candidates come from an inverted index of the rarer
 *   words, so the work grows with the text, not with the square of its paragraphs.</li>
 *   <li>The largest order-preserving set of pairs (a longest increasing subsequence) stays in place; every
 *   other pair moved.</li>
 * </ol>
 * Ties are broken by position, so the result never depends on hash order.
 *
 * <p>Bounded work: posting lists hold at most {@link #MAX_POSTINGS} paragraphs, at most {@link #MAX_CANDIDATES}
 * candidates per paragraph are scored (upper bounds from the index rank them), and groups have at most
 * {@link #MAX_GROUP} pieces, so no pair of texts makes the alignment quadratic. The posting bound is never
 * reached by two texts of up to 100 paragraphs together, the others only by a paragraph that resembles more
 * than 32 others or is cut into more than 16: on ordinary articles the result is the one an all-pairs search
 * gives (checked on 1,500 generated revisions and 300-paragraph shuffles). Stateless and thread-safe.
 */
final class ParagraphAligner {
    static final double PIECE_CONTAINMENT = 0.6;
    static final double GROUP_SIMILARITY = 0.5;
    /**
     * A word found in more paragraphs than this (of both versions) is never followed to its paragraphs: it
     * tells them apart no better than "the" does, and following it costs time with the square of the text.
     */
    static final int MAX_POSTINGS = 100;
    /** Paragraphs of the other version scored exactly per paragraph, the most promising first. */
    static final int MAX_CANDIDATES = 32;
    /** The most paragraphs one is taken to be split into, or merged from. */
    static final int MAX_GROUP = 16;

    private ParagraphAligner() {
    }

    enum Kind { EXACT, FUZZY, SPLIT, MERGE }

    /** Old paragraphs {@code from} correspond to new paragraphs {@code to}; {@code inPlace} unless moved. */
    record Link(Kind kind, List<Integer> from, List<Integer> to, double score, boolean inPlace) {
        int firstFrom() {
            return from.get(0);
        }

        int firstTo() {
            return to.get(0);
        }

        Link placed(boolean inPlace) {
            return new Link(kind, from, to, score, inPlace);
        }
    }

    static List<Link> align(List<String> a, List<String> b, DiffOptions options) {
        return alignNormalized(normalized(a), normalized(b), options);
    }

    /**
     * {@link #align} of paragraphs given in normal form ({@link TextNormalizer#normalize}): the key of the exact
     * step, and what the words of the later steps are read from.
     */
    static List<Link> alignNormalized(List<String> normalA, List<String> normalB, DiffOptions options) {
        List<Link> links = new ArrayList<>();
        boolean[] usedA = new boolean[normalA.size()];
        boolean[] usedB = new boolean[normalB.size()];

        Map<String, ArrayDeque<Integer>> exact = new HashMap<>();
        for (int j = 0; j < normalB.size(); j++) {
            Deadline.check();
            exact.computeIfAbsent(normalB.get(j), k -> new ArrayDeque<>()).add(j);
        }
        for (int i = 0; i < normalA.size(); i++) {
            Deadline.check();
            ArrayDeque<Integer> js = exact.get(normalA.get(i));
            if (js != null && !js.isEmpty()) {
                int j = js.poll();
                links.add(new Link(Kind.EXACT, List.of(i), List.of(j), 1.0, true));
                usedA[i] = true;
                usedB[j] = true;
            }
        }

        if (allUsed(usedA) || allUsed(usedB)) {
            return placeByLongestIncreasingRun(links); // nothing left on one side to pair, split or merge
        }
        Weights weights = new Weights(normalA, normalB, usedA, usedB);
        if (options.detectSplitMerge()) {
            findGroups(weights.sideA, weights.sideB, usedA, usedB, weights, Kind.SPLIT, links);
            findGroups(weights.sideB, weights.sideA, usedB, usedA, weights, Kind.MERGE, links);
        }
        pairBestFirst(weights, usedA, usedB, options.pairThreshold(), links);
        return placeByLongestIncreasingRun(links);
    }

    static List<String> normalized(List<String> texts) {
        List<String> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            Deadline.check();
            out.add(TextNormalizer.normalize(t));
        }
        return out;
    }

    /**
     * Finds one paragraph of {@code whole} split into a run of paragraphs of {@code parts} (or, mirrored,
     * a run merged into one). Adds links with from/to set the right way round for {@code kind}.
     *
     * <p>A piece is an unused, non-empty paragraph of {@code parts} whose words lie mostly in the whole; a run
     * is a stretch of consecutive pieces, tried in order until one makes a group. Pieces are looked for only
     * among the paragraphs that share an indexed word with the whole, at most {@link #MAX_CANDIDATES} of them,
     * the most promising first; runs longer than {@link #MAX_GROUP} are not tried.
     */
    private static void findGroups(Side whole, Side parts, boolean[] usedWhole, boolean[] usedParts, Weights w,
                                   Kind kind, List<Link> links) {
        Overlap overlap = new Overlap(parts.size());
        for (int i = 0; i < whole.size(); i++) {
            Deadline.check();
            if (usedWhole[i]) {
                continue;
            }
            int[] wholeWords = whole.words[i];
            overlap.collect(wholeWords, parts, w, false);
            int[] candidates = overlap.mostPromising(j -> {
                double total = parts.total[j];
                // the words of the part that the index skips may all lie in the whole
                return usedParts[j] || parts.words[j].length == 0 || total == 0 ? -1
                        : (overlap.weight(j) + parts.skippedForGroups[j]) / total;
            }, PIECE_CONTAINMENT);
            overlap.clear();
            int[] pieces = java.util.Arrays.stream(candidates)
                    .filter(j -> w.containment(parts.words[j], parts.total[j], wholeWords) >= PIECE_CONTAINMENT)
                    .sorted().toArray();
            for (int k = 0; k < pieces.length; ) {
                int runStart = k;
                while (k + 1 < pieces.length && pieces[k + 1] == pieces[k] + 1) {
                    k++;
                }
                int from = pieces[runStart];
                int to = pieces[k] + 1;
                k++;
                if (to - from >= 2 && to - from <= MAX_GROUP
                        && tryGroup(whole, parts, usedWhole, usedParts, w, kind, links, i, from, to)) {
                    break;
                }
            }
        }
    }

    private static boolean tryGroup(Side whole, Side parts, boolean[] usedWhole, boolean[] usedParts, Weights w,
                                    Kind kind, List<Link> links, int i, int from, int to) {
        double bestSingle = 0;
        for (int j = from; j < to; j++) {
            bestSingle = Math.max(bestSingle, w.dice(whole.words[i], whole.total[i], parts.words[j], parts.total[j]));
        }
        int[] union = w.union(parts.words, from, to);
        double together = w.dice(whole.words[i], whole.total[i], union, w.weightOf(union));
        if (together < GROUP_SIMILARITY || together <= bestSingle) {
            return false;
        }
        List<Integer> run = new ArrayList<>();
        for (int j = from; j < to; j++) {
            run.add(j);
            usedParts[j] = true;
        }
        usedWhole[i] = true;
        links.add(kind == Kind.SPLIT ? new Link(kind, List.of(i), run, together, true)
                : new Link(kind, run, List.of(i), together, true));
        return true;
    }

    /**
     * Pairs the remaining paragraphs greedily, best score first. Candidates of a paragraph are those of the
     * other version sharing a word rarer than {@link Weights#isIndexed}; of them, at most
     * {@link #MAX_CANDIDATES} whose score could reach the threshold are scored exactly, the most promising first.
     */
    private static void pairBestFirst(Weights w, boolean[] usedA, boolean[] usedB, double threshold, List<Link> links) {
        List<double[]> candidates = new ArrayList<>();
        Overlap overlap = new Overlap(w.sideB.size());
        for (int i = 0; i < w.sideA.size(); i++) {
            Deadline.check();
            if (usedA[i]) {
                continue;
            }
            int[] words = w.sideA.words[i];
            double total = w.sideA.total[i];
            double skipped = w.sideA.skippedForPairs[i];
            overlap.collect(words, w.sideB, w, true);
            int[] promising = overlap.mostPromising(j -> {
                double all = total + w.sideB.total[j];
                return usedB[j] || all == 0 ? -1
                        : 2 * (overlap.weight(j) + Math.min(skipped, w.sideB.skippedForPairs[j])) / all;
            }, threshold);
            overlap.clear();
            boolean found = addPairs(w, i, promising, threshold, candidates);
            if (!found && w.sideA.lostWords[i]) {
                // the bound on posting lists took this paragraph's telling words (clause numbers in a contract
                // whose clauses all cite one another): look it up by its adjacent word pairs instead
                overlap.collect(w.sideA.wordPairs(i), w.sideB.pairPostings());
                promising = overlap.mostPromising(j -> usedB[j] ? -1 : overlap.weight(j), 0);
                overlap.clear();
                addPairs(w, i, promising, threshold, candidates);
            }
        }
        int n = Math.max(1, w.sideA.size());
        int m = Math.max(1, w.sideB.size());
        candidates.sort(Comparator.<double[]>comparingDouble(c -> -c[0])
                .thenComparingDouble(c -> Math.abs(c[1] / n - c[2] / m))
                .thenComparingDouble(c -> c[1])
                .thenComparingDouble(c -> c[2]));
        for (double[] c : candidates) {
            int i = (int) c[1];
            int j = (int) c[2];
            if (!usedA[i] && !usedB[j]) {
                usedA[i] = true;
                usedB[j] = true;
                links.add(new Link(Kind.FUZZY, List.of(i), List.of(j), c[0], true));
            }
        }
    }

    private static boolean allUsed(boolean[] used) {
        for (boolean u : used) {
            if (!u) {
                return false;
            }
        }
        return true;
    }

    /** Adds the pairs of paragraph {@code i} with {@code js} that reach the threshold; whether there was one. */
    private static boolean addPairs(Weights w, int i, int[] js, double threshold, List<double[]> candidates) {
        boolean found = false;
        for (int j : js) {
            double score = w.dice(w.sideA.words[i], w.sideA.total[i], w.sideB.words[j], w.sideB.total[j]);
            if (score >= threshold) {
                candidates.add(new double[]{score, i, j});
                found = true;
            }
        }
        return found;
    }

    /** Keeps the largest order-preserving set of links in place (O(n log n)); the others are moves. */
    private static List<Link> placeByLongestIncreasingRun(List<Link> links) {
        List<Link> sorted = new ArrayList<>(links);
        sorted.sort(Comparator.comparingInt(Link::firstFrom).thenComparingInt(Link::firstTo));
        int n = sorted.size();
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int k = 0; k < n; k++) {
            int to = sorted.get(k).firstTo();
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted.get(tailIndex[mid]).firstTo() < to) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[k] = lo > 0 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = k;
            length = Math.max(length, lo + 1);
        }
        boolean[] inPlace = new boolean[n];
        for (int k = length > 0 ? tailIndex[length - 1] : -1; k >= 0; k = previous[k]) {
            inPlace[k] = true;
        }
        List<Link> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(sorted.get(k).placed(inPlace[k]));
        }
        return out;
    }

    /**
     * One version's paragraphs: word sets (word ids, in the order a {@code HashSet<String>} of the words iterates
     * them), the paragraphs holding each indexed word, and the weights skipped.
     */
    private static final class Side {
        /** Per paragraph: its words in text order, repeats included. */
        final int[][] sequence;
        /** Per paragraph: its distinct words, in {@code HashSet} order (see {@link Weights}). */
        final int[][] words;
        /** Per paragraph: the summed weight of its words. */
        final double[] total;
        /** Per word id: paragraphs (ascending) holding it, for words found in at most {@link #MAX_POSTINGS}; else null. */
        int[][] postings;
        /** Per paragraph: the weight of its words that have no posting list. */
        final double[] skippedForGroups;
        /** Per paragraph: the weight of its words that are not {@link Weights#isIndexed}. */
        final double[] skippedForPairs;

        /**
         * Per paragraph: whether it has a word that {@link Weights#isIndexed} would take but for the bound on
         * posting lists ({@link #MAX_POSTINGS}); never so in a text of up to 4 × MAX_POSTINGS paragraphs.
         */
        final boolean[] lostWords;
        private Map<Long, int[]> pairPostings;

        Side(int[][] sequence, int[][] words) {
            this.sequence = sequence;
            this.words = words;
            this.total = new double[words.length];
            this.skippedForGroups = new double[words.length];
            this.skippedForPairs = new double[words.length];
            this.lostWords = new boolean[words.length];
        }

        /** The distinct adjacent word pairs of paragraph {@code j}, as (first id << 32 | second id), ascending. */
        long[] wordPairs(int j) {
            int[] ws = sequence[j];
            long[] pairs = new long[Math.max(0, ws.length - 1)];
            for (int k = 0; k + 1 < ws.length; k++) {
                pairs[k] = (long) ws[k] << 32 | ws[k + 1];
            }
            java.util.Arrays.sort(pairs);
            int distinct = 0;
            for (int k = 0; k < pairs.length; k++) {
                if (k == 0 || pairs[k] != pairs[k - 1]) {
                    pairs[distinct++] = pairs[k];
                }
            }
            return java.util.Arrays.copyOf(pairs, distinct);
        }

        /** The paragraphs holding each adjacent word pair found in at most MAX_POSTINGS; built on first need. */
        Map<Long, int[]> pairPostings() {
            if (pairPostings == null) {
                Map<Long, IntList> lists = new HashMap<>();
                for (int j = 0; j < size(); j++) {
                    Deadline.check();
                    for (long pair : wordPairs(j)) {
                        lists.computeIfAbsent(pair, k -> new IntList()).add(j);
                    }
                }
                pairPostings = new HashMap<>();
                lists.forEach((pair, js) -> {
                    if (js.size <= MAX_POSTINGS) {
                        pairPostings.put(pair, js.toArray());
                    }
                });
            }
            return pairPostings;
        }

        int size() {
            return words.length;
        }

        /** Indexes the paragraphs not yet {@code used} (a used one never becomes free again). */
        void index(Weights w, boolean[] used) {
            int[] count = new int[w.vocabularySize()];
            for (int j = 0; j < size(); j++) {
                Deadline.check();
                if (used[j]) {
                    continue;
                }
                for (int word : words[j]) {
                    if (w.frequency(word) <= MAX_POSTINGS) {
                        count[word]++;
                    } else {
                        skippedForGroups[j] += w.weight(word);
                    }
                    if (!w.isIndexed(word)) {
                        skippedForPairs[j] += w.weight(word);
                        lostWords[j] |= w.frequency(word) <= w.plainIndexLimit;
                    }
                }
            }
            postings = new int[count.length][];
            for (int word = 0; word < count.length; word++) {
                if (count[word] > 0) {
                    postings[word] = new int[count[word]];
                    count[word] = 0;
                }
            }
            for (int j = 0; j < size(); j++) {
                if (used[j]) {
                    continue;
                }
                for (int word : words[j]) {
                    if (postings[word] != null) {
                        postings[word][count[word]++] = j;
                    }
                }
            }
        }
    }

    /** A growable list of ints. */
    private static final class IntList {
        private int[] items = new int[4];
        private int size;

        void add(int x) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = x;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(items, size);
        }
    }

    /**
     * The weighted overlap of one paragraph with the paragraphs of the other version that share an indexed
     * word with it, accumulated over posting lists; reused from paragraph to paragraph.
     */
    private static final class Overlap {
        private static final double SLACK = 1e-9;
        private final double[] weight;
        private final boolean[] seen;
        private final int[] touched;
        private int hits;

        Overlap(int paragraphs) {
            weight = new double[paragraphs];
            seen = new boolean[paragraphs];
            touched = new int[paragraphs];
        }

        /** Counts, for each paragraph, how many of {@code keys} it holds by {@code postings}. */
        void collect(long[] keys, Map<Long, int[]> postings) {
            for (long key : keys) {
                int[] js = postings.get(key);
                if (js != null) {
                    add(js, 1);
                }
            }
        }

        private void add(int[] js, double x) {
            for (int j : js) {
                if (!seen[j]) {
                    seen[j] = true;
                    touched[hits++] = j;
                }
                weight[j] += x;
            }
        }

        /** Adds up, for each paragraph of {@code other}, the weight of the words of {@code words} it holds. */
        void collect(int[] words, Side other, Weights w, boolean forPairs) {
            for (int word : words) {
                int[] js = other.postings[word];
                if (js == null || (forPairs && !w.isIndexed(word))) {
                    continue;
                }
                add(js, w.weight(word));
            }
        }

        double weight(int j) {
            return weight[j];
        }

        /**
         * The touched paragraphs whose {@code bound} (an upper bound of their score; negative to leave one out)
         * reaches {@code min}: the {@link #MAX_CANDIDATES} highest, the lower position first on a tie.
         */
        int[] mostPromising(java.util.function.IntToDoubleFunction bound, double min) {
            List<double[]> kept = new ArrayList<>();
            for (int k = 0; k < hits; k++) {
                int j = touched[k];
                double b = bound.applyAsDouble(j);
                if (b >= 0 && b >= min - SLACK) {
                    kept.add(new double[]{b, j});
                }
            }
            if (kept.size() > MAX_CANDIDATES) {
                kept.sort(Comparator.<double[]>comparingDouble(c -> -c[0]).thenComparingDouble(c -> c[1]));
                kept = kept.subList(0, MAX_CANDIDATES);
            }
            int[] out = new int[kept.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = (int) kept.get(k)[1];
            }
            return out;
        }

        void clear() {
            for (int k = 0; k < hits; k++) {
                weight[touched[k]] = 0;
                seen[touched[k]] = false;
            }
            hits = 0;
        }
    }

    /**
     * Word sets of both versions' paragraphs and each word's weight: ln(1 + paragraphs / paragraphs with it).
     *
     * <p>Words are ids ({@link WordVocabulary}), read once per paragraph; weights, frequencies and posting lists
     * are arrays indexed by id. A word set keeps the order in which a {@code HashSet<String>} of its words
     * iterates them (it is read from a {@code HashSet} of {@link WordVocabulary.Word}s, which hash and compare as
     * their text): sums of weights are added up in the same order as when the sets were {@code HashSet<String>}s,
     * so every score is the same double, bit for bit, and ties and thresholds fall as they did.
     */
    private static final class Weights {
        final Side sideA;
        final Side sideB;
        private final WordVocabulary vocabulary = new WordVocabulary();
        private final int[] frequency;
        private final double[] weight;
        private final int maxIndexedFrequency;
        /** The frequency up to which a word would be indexed were there no bound on posting lists. */
        final int plainIndexLimit;
        /** For {@link #common}: marks[word] == stamp while the word is in the set being looked into. */
        private final int[] marks;
        private int stamp;

        Weights(List<String> normalA, List<String> normalB, boolean[] usedA, boolean[] usedB) {
            sideA = read(normalA);
            sideB = read(normalB);
            frequency = new int[vocabulary.size()];
            for (Side side : List.of(sideA, sideB)) {
                for (int[] words : side.words) {
                    for (int word : words) {
                        frequency[word]++;
                    }
                }
            }
            int paragraphs = Math.max(1, sideA.size() + sideB.size());
            weight = new double[frequency.length];
            for (int word = 0; word < frequency.length; word++) {
                weight[word] = Math.log(1.0 + (double) paragraphs / frequency[word]);
            }
            // words in a quarter of all paragraphs or more say little about which paragraph is which; and
            // however long the texts, a word in more than MAX_POSTINGS paragraphs is not followed, so that
            // the work per paragraph stays bounded (60,000 copies of one word would otherwise make it quadratic)
            plainIndexLimit = Math.max(4, paragraphs / 4);
            maxIndexedFrequency = Math.min(MAX_POSTINGS, plainIndexLimit);
            for (Side side : List.of(sideA, sideB)) {
                for (int j = 0; j < side.size(); j++) {
                    side.total[j] = weightOf(side.words[j]);
                }
            }
            marks = new int[frequency.length];
            sideA.index(this, usedA);
            sideB.index(this, usedB);
        }

        private Side read(List<String> normalized) {
            int[][] sequence = new int[normalized.size()][];
            int[][] words = new int[normalized.size()][];
            for (int j = 0; j < normalized.size(); j++) {
                Deadline.check();
                String text = normalized.get(j);
                List<WordVocabulary.Word> ws = new ArrayList<>();
                for (int start = DiffTokens.nextWord(text, 0), end; start < text.length();
                     start = DiffTokens.nextWord(text, end)) {
                    end = DiffTokens.tokenEnd(text, start);
                    ws.add(vocabulary.word(text, start, end));
                }
                sequence[j] = ids(ws);
                words[j] = ids(new HashSet<>(ws)); // sized by the word count, as the sets of Strings were
            }
            return new Side(sequence, words);
        }

        private static int[] ids(java.util.Collection<WordVocabulary.Word> words) {
            int[] out = new int[words.size()];
            int k = 0;
            for (WordVocabulary.Word w : words) {
                out[k++] = w.id;
            }
            return out;
        }

        /** The distinct words of paragraphs {@code from} to {@code to} (exclusive), as a HashSet would add them up. */
        int[] union(int[][] words, int from, int to) {
            Set<WordVocabulary.Word> union = new HashSet<>();
            for (int j = from; j < to; j++) {
                for (int word : words[j]) {
                    union.add(vocabulary.byId(word));
                }
            }
            return ids(union);
        }

        int vocabularySize() {
            return frequency.length;
        }

        int frequency(int word) {
            return frequency[word];
        }

        double weight(int word) {
            return weight[word];
        }

        boolean isIndexed(int word) {
            return frequency[word] <= maxIndexedFrequency;
        }

        /** The summed weight of a word set, in its order. */
        double weightOf(int[] words) {
            double sum = 0;
            for (int w : words) {
                sum += weight[w];
            }
            return sum;
        }

        /** The weight of the words in both sets, added up in the order of the smaller (of {@code x} on a tie). */
        double common(int[] x, int[] y) {
            int[] small = x.length <= y.length ? x : y;
            int[] large = small == x ? y : x;
            if (++stamp == 0) { // wrapped: forget every old mark
                java.util.Arrays.fill(marks, 0);
                stamp = 1;
            }
            for (int w : large) {
                marks[w] = stamp;
            }
            double sum = 0;
            for (int w : small) {
                if (marks[w] == stamp) {
                    sum += weight[w];
                }
            }
            return sum;
        }

        /** Weighted Dice of two sets whose summed weights are {@code xTotal} and {@code yTotal}. */
        double dice(int[] x, double xTotal, int[] y, double yTotal) {
            double total = xTotal + yTotal;
            return total == 0 ? 0 : 2 * common(x, y) / total;
        }

        /** Weighted share of {@code part}'s words found in {@code whole}. */
        double containment(int[] part, double partTotal, int[] whole) {
            return partTotal == 0 ? 0 : common(part, whole) / partTotal;
        }
    }
}
