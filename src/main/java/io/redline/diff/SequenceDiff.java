package io.redline.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.Patch;
import io.redline.budget.Deadline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sequence diff (tokens, sentences, lines) whose work is bounded for any input.
 *
 * <p>java-diff-utils' Myers diff takes time and memory growing with the square of the edit distance: two
 * 8,000-word sentences that differ everywhere would hold a thread for minutes. So: when both sequences
 * together have at most {@link #MAX_MYERS_LENGTH} elements, this is exactly {@code DiffUtils.diff} (every
 * ordinary input). Above that, the common head and tail are kept; the elements that occur exactly once in
 * each of what is left anchor the middle (the longest order-preserving run of them, as in patience diff), and
 * the stretches between anchors are diffed the same way, {@link #MAX_DEPTH} levels deep; a stretch still too
 * long after that is one replacement (stretches of up to {@link #MAX_STRETCH_LENGTH} get Myers). Coarser than Myers on huge inputs, never slow: O(n log n) per level.
 *
 * <p>Example: [a, b, c] → [a, x, c] gives one delta, b replaced by x, at position 1 of both.
 * Elements need {@code equals} and {@code hashCode}. Stateless and thread-safe.
 */
final class SequenceDiff {
    /** Longest pair of sequences (both lengths added) given to Myers. */
    static final int MAX_MYERS_LENGTH = 2_000;
    /**
     * Longest stretch between anchors (both sides added) given to Myers. Smaller than {@link #MAX_MYERS_LENGTH}:
     * a long text can have thousands of stretches, and Myers costs the square of a stretch that changed whole.
     */
    static final int MAX_STRETCH_LENGTH = 100;
    /** Levels of anchoring by unique elements before a long stretch becomes one replacement. */
    static final int MAX_DEPTH = 4;

    private SequenceDiff() {
    }

    /** The deltas from {@code a} to {@code b}, in order, with positions in the whole sequences. */
    static <T> Patch<T> diff(List<T> a, List<T> b) {
        if (a.size() + b.size() <= MAX_MYERS_LENGTH) {
            return DiffUtils.diff(a, b);
        }
        Patch<T> patch = new Patch<>();
        diffRange(a, 0, a.size(), b, 0, b.size(), 0, patch);
        return patch;
    }

    private static <T> void diffRange(List<T> a, int aFrom, int aTo, List<T> b, int bFrom, int bTo, int depth,
                                      Patch<T> out) {
        Deadline.check();
        while (aFrom < aTo && bFrom < bTo && a.get(aFrom).equals(b.get(bFrom))) {
            aFrom++;
            bFrom++;
        }
        while (aTo > aFrom && bTo > bFrom && a.get(aTo - 1).equals(b.get(bTo - 1))) {
            aTo--;
            bTo--;
        }
        if (aFrom == aTo && bFrom == bTo) {
            return;
        }
        if (aFrom == aTo || bFrom == bTo) {
            replace(a, aFrom, aTo, b, bFrom, bTo, out);
        } else if ((aTo - aFrom) + (bTo - bFrom) <= MAX_STRETCH_LENGTH) {
            for (AbstractDelta<T> d : DiffUtils.diff(a.subList(aFrom, aTo), b.subList(bFrom, bTo)).getDeltas()) {
                replace(a, aFrom + d.getSource().getPosition(), aFrom + d.getSource().getPosition() + d.getSource().size(),
                        b, bFrom + d.getTarget().getPosition(), bFrom + d.getTarget().getPosition() + d.getTarget().size(),
                        out);
            }
        } else if (depth >= MAX_DEPTH) {
            replace(a, aFrom, aTo, b, bFrom, bTo, out);
        } else {
            int[][] anchors = uniqueAnchors(a, aFrom, aTo, b, bFrom, bTo);
            int i = aFrom;
            int j = bFrom;
            for (int[] anchor : anchors) {
                diffRange(a, i, anchor[0], b, j, anchor[1], depth + 1, out);
                i = anchor[0] + 1;
                j = anchor[1] + 1;
            }
            if (anchors.length == 0) {
                replace(a, aFrom, aTo, b, bFrom, bTo, out);
            } else {
                diffRange(a, i, aTo, b, j, bTo, depth + 1, out);
            }
        }
    }

    private static <T> void replace(List<T> a, int aFrom, int aTo, List<T> b, int bFrom, int bTo, Patch<T> out) {
        if (aFrom < aTo || bFrom < bTo) {
            out.addDelta(new ChangeDelta<>(new Chunk<>(aFrom, new ArrayList<>(a.subList(aFrom, aTo))),
                    new Chunk<>(bFrom, new ArrayList<>(b.subList(bFrom, bTo)))));
        }
    }

    /**
     * Positions {a, b} of elements found exactly once in each range, the longest set of them in the same order
     * on both sides (longest increasing subsequence, O(n log n)), in order.
     */
    private static <T> int[][] uniqueAnchors(List<T> a, int aFrom, int aTo, List<T> b, int bFrom, int bTo) {
        // per element: [count in a, position in a, count in b, position in b]
        Map<T, int[]> seen = new HashMap<>();
        for (int i = aFrom; i < aTo; i++) {
            int[] s = seen.computeIfAbsent(a.get(i), k -> new int[4]);
            s[0]++;
            s[1] = i;
        }
        for (int j = bFrom; j < bTo; j++) {
            int[] s = seen.get(b.get(j));
            if (s != null) {
                s[2]++;
                s[3] = j;
            }
        }
        List<int[]> unique = new ArrayList<>();
        for (int i = aFrom; i < aTo; i++) {
            int[] s = seen.get(a.get(i));
            if (s[0] == 1 && s[2] == 1) {
                unique.add(new int[]{i, s[3]});
            }
        }
        int n = unique.size();
        int[] tail = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int k = 0; k < n; k++) {
            int to = unique.get(k)[1];
            int lo = 0;
            int hi = length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (unique.get(tail[mid])[1] < to) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            previous[k] = lo > 0 ? tail[lo - 1] : -1;
            tail[lo] = k;
            length = Math.max(length, lo + 1);
        }
        int[][] anchors = new int[length][];
        for (int k = length > 0 ? tail[length - 1] : -1, at = length - 1; k >= 0; k = previous[k], at--) {
            anchors[at] = unique.get(k);
        }
        return anchors;
    }
}
