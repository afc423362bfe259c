package io.redline.diff;

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
 * Pairs the paragraphs of two versions by content, not by position.
 *
 * <ol>
 *   <li>Paragraphs equal after normalisation anchor the alignment.</li>
 *   <li>Splits and merges: a run of two or more consecutive new paragraphs whose words each lie mostly
 *   (≥ {@link #PIECE_CONTAINMENT}) in one old paragraph, and which together resemble it (≥
 *   {@link #GROUP_SIMILARITY}), is that paragraph split; the mirror image is a merge.</li>
 *   <li>The rest are paired best-first by weighted word overlap — Dice over word sets, each word weighted by
 *   how few paragraphs of the two versions contain it, so "the" and "said" count for little and names for
 *   much — down to {@link DiffOptions#pairThreshold()}. Candidates come from an inverted index of the rarer
 *   words, so the work grows with the text, not with the square of its paragraphs.</li>
 *   <li>The largest order-preserving set of pairs (a longest increasing subsequence) stays in place; every
 *   other pair moved.</li>
 * </ol>
 * Ties are broken by position, so the result never depends on hash order. Stateless and thread-safe.
 */
final class ParagraphAligner {
    static final double PIECE_CONTAINMENT = 0.6;
    static final double GROUP_SIMILARITY = 0.5;

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
        List<Link> links = new ArrayList<>();
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];

        Map<String, ArrayDeque<Integer>> exact = new HashMap<>();
        for (int j = 0; j < b.size(); j++) {
            exact.computeIfAbsent(TextNormalizer.normalize(b.get(j)), k -> new ArrayDeque<>()).add(j);
        }
        for (int i = 0; i < a.size(); i++) {
            ArrayDeque<Integer> js = exact.get(TextNormalizer.normalize(a.get(i)));
            if (js != null && !js.isEmpty()) {
                int j = js.poll();
                links.add(new Link(Kind.EXACT, List.of(i), List.of(j), 1.0, true));
                usedA[i] = true;
                usedB[j] = true;
            }
        }

        Weights weights = new Weights(a, b);
        if (options.detectSplitMerge()) {
            findGroups(weights.a, weights.b, usedA, usedB, weights, Kind.SPLIT, links);
            findGroups(weights.b, weights.a, usedB, usedA, weights, Kind.MERGE, links);
        }
        pairBestFirst(weights, usedA, usedB, options.pairThreshold(), links);
        return placeByLongestIncreasingRun(links);
    }

    /**
     * Finds one paragraph of {@code whole} split into a run of paragraphs of {@code parts} (or, mirrored,
     * a run merged into one). Adds links with from/to set the right way round for {@code kind}.
     */
    private static void findGroups(List<Set<String>> whole, List<Set<String>> parts, boolean[] usedWhole,
                                   boolean[] usedParts, Weights w, Kind kind, List<Link> links) {
        for (int i = 0; i < whole.size(); i++) {
            if (usedWhole[i]) {
                continue;
            }
            int runStart = -1;
            for (int j = 0; j <= parts.size(); j++) {
                boolean piece = j < parts.size() && !usedParts[j] && !parts.get(j).isEmpty()
                        && w.containment(parts.get(j), whole.get(i)) >= PIECE_CONTAINMENT;
                if (piece && runStart < 0) {
                    runStart = j;
                } else if (!piece && runStart >= 0) {
                    if (j - runStart >= 2 && tryGroup(whole, parts, usedWhole, usedParts, w, kind, links, i, runStart, j)) {
                        break;
                    }
                    runStart = -1;
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

    private static void pairBestFirst(Weights w, boolean[] usedA, boolean[] usedB, double threshold, List<Link> links) {
        Map<String, List<Integer>> index = new HashMap<>();
        for (int j = 0; j < w.b.size(); j++) {
            if (!usedB[j]) {
                for (String word : w.b.get(j)) {
                    if (w.isIndexed(word)) {
                        index.computeIfAbsent(word, k -> new ArrayList<>()).add(j);
                    }
                }
            }
        }
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < w.a.size(); i++) {
            if (usedA[i]) {
                continue;
            }
            Set<Integer> seen = new HashSet<>();
            for (String word : w.a.get(i)) {
                for (int j : index.getOrDefault(word, List.of())) {
                    if (seen.add(j)) {
                        double score = w.dice(w.a.get(i), w.b.get(j));
                        if (score >= threshold) {
                            candidates.add(new double[]{score, i, j});
                        }
                    }
                }
            }
        }
        int n = Math.max(1, w.a.size());
        int m = Math.max(1, w.b.size());
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

    /** Word sets of both versions' paragraphs and each word's weight: ln(1 + paragraphs / paragraphs with it). */
    private static final class Weights {
        final List<Set<String>> a;
        final List<Set<String>> b;
        private final Map<String, Double> weight = new HashMap<>();
        private final int maxIndexedFrequency;
        private final Map<String, Integer> frequency = new HashMap<>();
        private final Map<Set<String>, Double> totals = new IdentityHashMap<>();

        Weights(List<String> textsA, List<String> textsB) {
            a = textsA.stream().map(t -> (Set<String>) new HashSet<>(WordDiff.words(t))).toList();
            b = textsB.stream().map(t -> (Set<String>) new HashSet<>(WordDiff.words(t))).toList();
            for (List<Set<String>> side : List.of(a, b)) {
                for (Set<String> words : side) {
                    words.forEach(word -> frequency.merge(word, 1, Integer::sum));
                }
            }
            int paragraphs = Math.max(1, a.size() + b.size());
            frequency.forEach((word, f) -> weight.put(word, Math.log(1.0 + (double) paragraphs / f)));
            // words in a quarter of all paragraphs or more say little about which paragraph is which
            maxIndexedFrequency = Math.max(4, paragraphs / 4);
            for (List<Set<String>> side : List.of(a, b)) {
                for (Set<String> words : side) {
                    totals.put(words, weightOf(words));
                }
            }
        }

        boolean isIndexed(String word) {
            return frequency.getOrDefault(word, 0) <= maxIndexedFrequency;
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
