package io.redline.diff;

import io.redline.budget.Deadline;
import io.redline.text.TextNormalizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ParagraphAligner} as it was before words became int ids (commit ca26d30), unchanged but for its name:
 * what the faster aligner must give, link for link and score for score ({@link ParagraphAlignerMatchesReferenceTest}).
 */
final class ReferenceParagraphAligner {
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

    private ReferenceParagraphAligner() {
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
        List<Link> links = new ArrayList<>();
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];

        Map<String, ArrayDeque<Integer>> exact = new HashMap<>();
        for (int j = 0; j < b.size(); j++) {
            Deadline.check();
            exact.computeIfAbsent(TextNormalizer.normalize(b.get(j)), k -> new ArrayDeque<>()).add(j);
        }
        for (int i = 0; i < a.size(); i++) {
            Deadline.check();
            ArrayDeque<Integer> js = exact.get(TextNormalizer.normalize(a.get(i)));
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
        Weights weights = new Weights(a, b, usedA, usedB);
        if (options.detectSplitMerge()) {
            findGroups(weights.sideA, weights.sideB, usedA, usedB, weights, Kind.SPLIT, links);
            findGroups(weights.sideB, weights.sideA, usedB, usedA, weights, Kind.MERGE, links);
        }
        pairBestFirst(weights, usedA, usedB, options.pairThreshold(), links);
        return placeByLongestIncreasingRun(links);
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
            Set<String> wholeWords = whole.words.get(i);
            overlap.collect(wholeWords, parts, w, false);
            int[] candidates = overlap.mostPromising(j -> {
                Set<String> part = parts.words.get(j);
                double total = w.weightOf(part);
                // the words of the part that the index skips may all lie in the whole
                return usedParts[j] || part.isEmpty() || total == 0 ? -1
                        : (overlap.weight(j) + parts.skippedForGroups[j]) / total;
            }, PIECE_CONTAINMENT);
            overlap.clear();
            int[] pieces = java.util.Arrays.stream(candidates)
                    .filter(j -> w.containment(parts.words.get(j), wholeWords) >= PIECE_CONTAINMENT)
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
                        && tryGroup(whole.words, parts.words, usedWhole, usedParts, w, kind, links, i, from, to)) {
                    break;
                }
            }
        }
    }

    private static boolean tryGroup(List<Set<String>> whole, List<Set<String>> parts, boolean[] usedWhole,
                                    boolean[] usedParts, Weights w, Kind kind, List<Link> links, int i, int from, int to) {
        Set<String> union = new HashSet<>();
        double bestSingle = 0;
        for (int j = from; j < to; j++) {
            union.addAll(parts.get(j));
            bestSingle = Math.max(bestSingle, w.dice(whole.get(i), parts.get(j)));
        }
        double together = w.dice(whole.get(i), union);
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
            Set<String> words = w.sideA.words.get(i);
            double total = w.weightOf(words);
            double skipped = w.sideA.skippedForPairs[i];
            overlap.collect(words, w.sideB, w, true);
            int[] promising = overlap.mostPromising(j -> {
                double all = total + w.weightOf(w.sideB.words.get(j));
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
            double score = w.dice(w.sideA.words.get(i), w.sideB.words.get(j));
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

    /** One version's paragraphs: word sets, the paragraphs holding each indexed word, and the weights skipped. */
    private static final class Side {
        final List<Set<String>> words;
        /** Paragraphs (ascending) holding each word found in at most {@link #MAX_POSTINGS} paragraphs. */
        final Map<String, int[]> postings = new HashMap<>();
        /** Per paragraph: the weight of its words that have no posting list. */
        final double[] skippedForGroups;
        /** Per paragraph: the weight of its words that are not {@link Weights#isIndexed}. */
        final double[] skippedForPairs;

        /**
         * Per paragraph: whether it has a word that {@link Weights#isIndexed} would take but for the bound on
         * posting lists ({@link #MAX_POSTINGS}); never so in a text of up to 4 × MAX_POSTINGS paragraphs.
         */
        final boolean[] lostWords;
        private final List<String> texts;
        private Map<String, int[]> pairPostings;

        Side(List<String> texts, List<Set<String>> words) {
            this.texts = texts;
            this.words = words;
            this.skippedForGroups = new double[words.size()];
            this.skippedForPairs = new double[words.size()];
            this.lostWords = new boolean[words.size()];
        }

        /** The distinct adjacent word pairs of paragraph {@code j}, as "word word". */
        Set<String> wordPairs(int j) {
            List<String> ws = WordDiff.words(texts.get(j));
            Set<String> pairs = new HashSet<>();
            for (int k = 0; k + 1 < ws.size(); k++) {
                pairs.add(ws.get(k) + " " + ws.get(k + 1));
            }
            return pairs;
        }

        /** The paragraphs holding each adjacent word pair found in at most MAX_POSTINGS; built on first need. */
        Map<String, int[]> pairPostings() {
            if (pairPostings == null) {
                Map<String, List<Integer>> lists = new HashMap<>();
                for (int j = 0; j < texts.size(); j++) {
                    Deadline.check();
                    for (String pair : wordPairs(j)) {
                        lists.computeIfAbsent(pair, k -> new ArrayList<>()).add(j);
                    }
                }
                pairPostings = new HashMap<>();
                lists.forEach((pair, js) -> {
                    if (js.size() <= MAX_POSTINGS) {
                        pairPostings.put(pair, js.stream().mapToInt(Integer::intValue).toArray());
                    }
                });
            }
            return pairPostings;
        }

        int size() {
            return words.size();
        }

        /** Indexes the paragraphs not yet {@code used} (a used one never becomes free again). */
        void index(Weights w, boolean[] used) {
            Map<String, List<Integer>> lists = new HashMap<>();
            for (int j = 0; j < words.size(); j++) {
                Deadline.check();
                if (used[j]) {
                    continue;
                }
                for (String word : words.get(j)) {
                    if (w.frequency(word) <= MAX_POSTINGS) {
                        lists.computeIfAbsent(word, k -> new ArrayList<>()).add(j);
                    } else {
                        skippedForGroups[j] += w.weight(word);
                    }
                    if (!w.isIndexed(word)) {
                        skippedForPairs[j] += w.weight(word);
                        lostWords[j] |= w.frequency(word) <= w.plainIndexLimit;
                    }
                }
            }
            lists.forEach((word, js) -> postings.put(word, js.stream().mapToInt(Integer::intValue).toArray()));
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
        void collect(Set<String> keys, Map<String, int[]> postings) {
            for (String key : keys) {
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
        void collect(Set<String> words, Side other, Weights w, boolean forPairs) {
            for (String word : words) {
                int[] js = other.postings.get(word);
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
            return kept.stream().mapToInt(c -> (int) c[1]).toArray();
        }

        void clear() {
            for (int k = 0; k < hits; k++) {
                weight[touched[k]] = 0;
                seen[touched[k]] = false;
            }
            hits = 0;
        }
    }

    /** Word sets of both versions' paragraphs and each word's weight: ln(1 + paragraphs / paragraphs with it). */
    private static final class Weights {
        final Side sideA;
        final Side sideB;
        private final Map<String, Double> weight = new HashMap<>();
        private final int maxIndexedFrequency;
        /** The frequency up to which a word would be indexed were there no bound on posting lists. */
        final int plainIndexLimit;
        private final Map<String, Integer> frequency = new HashMap<>();
        private final Map<Set<String>, Double> totals = new IdentityHashMap<>();

        Weights(List<String> textsA, List<String> textsB, boolean[] usedA, boolean[] usedB) {
            sideA = new Side(textsA, wordSets(textsA));
            sideB = new Side(textsB, wordSets(textsB));
            for (Side side : List.of(sideA, sideB)) {
                for (Set<String> words : side.words) {
                    words.forEach(word -> frequency.merge(word, 1, Integer::sum));
                }
            }
            int paragraphs = Math.max(1, sideA.size() + sideB.size());
            frequency.forEach((word, f) -> weight.put(word, Math.log(1.0 + (double) paragraphs / f)));
            // words in a quarter of all paragraphs or more say little about which paragraph is which; and
            // however long the texts, a word in more than MAX_POSTINGS paragraphs is not followed, so that
            // the work per paragraph stays bounded (60,000 copies of one word would otherwise make it quadratic)
            plainIndexLimit = Math.max(4, paragraphs / 4);
            maxIndexedFrequency = Math.min(MAX_POSTINGS, plainIndexLimit);
            for (Side side : List.of(sideA, sideB)) {
                for (Set<String> words : side.words) {
                    totals.put(words, weightOf(words));
                }
            }
            sideA.index(this, usedA);
            sideB.index(this, usedB);
        }

        private static List<Set<String>> wordSets(List<String> texts) {
            List<Set<String>> out = new ArrayList<>(texts.size());
            for (String t : texts) {
                Deadline.check();
                out.add(new HashSet<>(WordDiff.words(t)));
            }
            return out;
        }

        int frequency(String word) {
            return frequency.getOrDefault(word, 0);
        }

        double weight(String word) {
            return weight.getOrDefault(word, 0.0);
        }

        boolean isIndexed(String word) {
            return frequency(word) <= maxIndexedFrequency;
        }

        /** The summed weight of a word set; cached for the paragraphs' own sets, which are compared many times. */
        double weightOf(Set<String> words) {
            Double known = totals.get(words);
            if (known != null) {
                return known;
            }
            double sum = 0;
            for (String w : words) {
                sum += weight.getOrDefault(w, 0.0);
            }
            return sum;
        }

        double common(Set<String> x, Set<String> y) {
            Set<String> small = x.size() <= y.size() ? x : y;
            Set<String> large = small == x ? y : x;
            double sum = 0;
            for (String w : small) {
                if (large.contains(w)) {
                    sum += weight.getOrDefault(w, 0.0);
                }
            }
            return sum;
        }

        double dice(Set<String> x, Set<String> y) {
            double total = weightOf(x) + weightOf(y);
            return total == 0 ? 0 : 2 * common(x, y) / total;
        }

        /** Weighted share of {@code part}'s words found in {@code whole}. */
        double containment(Set<String> part, Set<String> whole) {
            double total = weightOf(part);
            return total == 0 ? 0 : common(part, whole) / total;
        }
    }
}
