package io.redline.match;

import io.redline.budget.Deadline;
import io.redline.minhash.Fingerprint.ParagraphTerms;
import io.redline.text.Hashes;
import io.redline.text.LongList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An inverted index from word-pair hashes to the content paragraphs of one text that hold them, answering
 * "which paragraph of this text shares the most word pairs with that one?" without looking at every paragraph.
 *
 * <p>Example: paragraphs [ab bc], [bc cd], [xy] (word pairs) and the query [bc cd de] give the second paragraph,
 * with 2 shared pairs.
 *
 * <p>A search's work is bounded by {@link #MAX_POSTINGS} per query term: a word pair found in more paragraphs than
 * that is not used as a key. News articles never have one; long texts do (20,000 words: "of the" in a third of
 * 300 paragraphs), and degenerate ones (60,000 copies of one paragraph, or thousands of clauses that all say "the
 * parties"), where such a pair says nothing about which paragraph is which, like a stopword. A query that holds such pairs ranks the paragraphs found through
 * its other pairs, completes the counts of the best {@link #MAX_COMPLETED} with the frequent pairs, and also
 * considers the first paragraph with exactly its pairs.
 *
 * <p>Immutable once built and safe to share between threads (a look-up's text keeps its index with its terms, see
 * {@link IndexedParagraphs}); the scratch a query needs lives in a {@link Searcher}, one per caller at a time.
 */
final class TermIndex {
    /** Longest posting list used; longer ones are skipped (see the class comment). */
    static final int MAX_POSTINGS = 100;
    /** Bits of the pair filter per slot of the table (2 to 4 slots per pair held): 8 bytes for 16 slots. */
    static final int FILTER_BITS = 4;
    /** Candidates whose shared count is completed with frequent pairs, for a query that has some. */
    static final int MAX_COMPLETED = 16;
    /** The low bits of a slot, which number its pair (see {@link #slot}); a text of 2 MB has about 350,000 pairs. */
    private static final long NUMBER_MASK = (1L << 24) - 1;

    /** The best paragraph found for a query: its position in {@link #paragraphs()} and the pairs shared. */
    record Best(int position, int shared) {
    }

    private final List<ParagraphTerms> paragraphs;
    // open addressing, one long a slot: the pair's top 40 bits (its tag), then its number + 1 in the low 24 (0: empty
    // slot); numbers index starts. One memory access a probe, where a separate key and number took two
    private final long[] slots;
    private final int mask;
    // FILTER_BITS per slot, one set for each pair held (by the top bits of its mixed hash): a pair the text does not
    // hold — most pairs of an unrelated text — is mostly told so by one bit, without walking the slot table
    private final long[] filter;
    private final int filterShift;
    private final int[] starts;
    private final int[] postings;
    // true when some pair is held by more than MAX_POSTINGS paragraphs: only degenerate texts
    private final boolean hasFrequent;
    // built on first need by whichever thread needs it; a pure function of the paragraphs, so a race only repeats work
    private volatile Map<TermSet, Integer> firstWithTerms;

    /** Indexes the paragraphs of {@code text} that are not boilerplate and have at least one word pair. */
    TermIndex(List<ParagraphTerms> text) {
        List<ParagraphTerms> content = new ArrayList<>();
        int total = 0;
        for (ParagraphTerms p : text) {
            if (indexes(p)) {
                content.add(p);
                total += p.terms().length;
            }
        }
        paragraphs = List.copyOf(content);
        if (total >= NUMBER_MASK) {
            throw new IllegalArgumentException("more than " + NUMBER_MASK + " word pairs: " + total);
        }
        int capacity = capacity(total);
        slots = new long[capacity];
        mask = capacity - 1;
        long filterBits = (long) capacity * FILTER_BITS;
        filter = new long[(int) Math.max(1, filterBits / 64)];
        filterShift = 64 - Long.numberOfTrailingZeros(filterBits);
        // each pair's number, in the order the pairs of the paragraphs come, and how many paragraphs hold each
        int[] ids = new int[total];
        int[] perId = new int[total + 1];
        int distinct = 0;
        int n = 0;
        for (ParagraphTerms p : paragraphs) {
            for (long t : p.terms()) {
                long mixed = Hashes.mix(t);
                int bit = (int) (mixed >>> filterShift);
                filter[bit >>> 6] |= 1L << bit;
                int slot = slot(t, mixed);
                if (slots[slot] == 0) {
                    slots[slot] = (t & ~NUMBER_MASK) | ++distinct;
                }
                int id = (int) (slots[slot] & NUMBER_MASK) - 1;
                ids[n++] = id;
                perId[id + 1]++;
            }
        }
        starts = Arrays.copyOf(perId, distinct + 1);
        boolean frequent = false;
        for (int k = 0; k < distinct; k++) {
            frequent |= starts[k + 1] > MAX_POSTINGS;
            starts[k + 1] += starts[k];
        }
        postings = new int[total];
        int[] fill = Arrays.copyOf(starts, distinct);
        n = 0;
        for (int pos = 0; pos < paragraphs.size(); pos++) {
            Deadline.check();
            for (int i = paragraphs.get(pos).terms().length; i > 0; i--) {
                postings[fill[ids[n++]]++] = pos;
            }
        }
        hasFrequent = frequent;
    }

    /**
     * Whether an index holds {@code p}: content paragraphs with at least one word pair. The positions of
     * {@link #paragraphs()} and {@link Best#position()} count only these.
     */
    static boolean indexes(ParagraphTerms p) {
        return !p.boilerplate() && p.terms().length > 0;
    }

    /** Slots for {@code total} word pairs: a power of two, at least 1.5 times the pairs. */
    private static int capacity(int total) {
        return Integer.highestOneBit(Math.max(2, total * 3 / 2) - 1) << 1;
    }

    /**
     * The slot holding {@code term} ({@code mixed} is its {@link Hashes#mix}), or the empty slot where it would go.
     * Pairs are told apart by their top 40 bits: two pairs of one text that differ only below them are taken for one
     * about once in 2<sup>40</sup> / (pairs of the text) texts, as two different pairs would share a 64-bit hash.
     */
    private int slot(long term, long mixed) {
        int slot = (int) mixed & mask;
        long tag = term & ~NUMBER_MASK;
        while (slots[slot] != 0 && (slots[slot] & ~NUMBER_MASK) != tag) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The number of {@code term} (an index into {@link #starts}), or -1 if no indexed paragraph holds it. */
    private int id(long term) {
        long mixed = Hashes.mix(term);
        int bit = (int) (mixed >>> filterShift);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        return (int) (slots[slot(term, mixed)] & NUMBER_MASK) - 1;
    }

    /** The indexed paragraphs, in text order. */
    List<ParagraphTerms> paragraphs() {
        return paragraphs;
    }

    /** Word pairs held, over all indexed paragraphs: what looking up every paragraph of this text costs. */
    int pairs() {
        return postings.length;
    }

    /** Whether some pair is held by more than {@link #MAX_POSTINGS} paragraphs (see the class comment). */
    boolean hasFrequent() {
        return hasFrequent;
    }

    /**
     * For every indexed paragraph of this text, its best match in {@code other} — the paragraph sharing the most
     * word pairs with it, the first in text order on a tie — and, into {@code otherBest}, the same for every
     * paragraph of {@code other} against this text; both exact, frequent pairs included, and found in one pass over
     * {@code other}'s pairs: each is looked up here once and the paragraphs of this text holding it are counted. So
     * {@code other} needs no index of its own. The work is the postings walked: for each pair, the paragraphs of this
     * text holding it, once per paragraph of {@code other} holding it — about {@code other}'s pairs for ordinary
     * texts, but the product of the two for a pair most paragraphs of both hold (thousands of copies of one clause).
     * The count therefore stops after {@code budget} postings and answers null; the caller then searches paragraph
     * by paragraph ({@link Searcher}), where {@link #MAX_POSTINGS} bounds the work instead.
     *
     * @param other     the indexed paragraphs ({@link #indexes}) of the other text, in text order
     * @param otherBest one slot per paragraph of {@code other}, filled as the return value is
     * @param budget    postings walked at most
     * @return per position of this index, the best position in {@code other} in the low 32 bits and the pairs shared
     *     in the high 32, 0 when no paragraph of {@code other} shares any; null when the budget ran out
     */
    long[] bestOf(List<ParagraphTerms> other, long[] otherBest, long budget) {
        long[] best = new long[paragraphs.size()];
        int[] counts = new int[paragraphs.size()];
        int[] touched = new int[paragraphs.size()];
        long left = budget;
        // other's paragraphs in text order, and a count must beat the best so far: the first wins a tie
        for (int pos = 0; pos < other.size(); pos++) {
            Deadline.check();
            int hits = 0;
            for (long t : other.get(pos).terms()) {
                int k = id(t);
                if (k < 0) {
                    continue;
                }
                left -= starts[k + 1] - starts[k];
                if (left < 0) {
                    return null;
                }
                for (int i = starts[k]; i < starts[k + 1]; i++) {
                    int own = postings[i];
                    if (counts[own]++ == 0) {
                        touched[hits++] = own;
                    }
                }
            }
            int most = 0;
            int first = 0;
            for (int i = 0; i < hits; i++) {
                int own = touched[i];
                int shared = counts[own];
                if (shared > (int) (best[own] >>> 32)) {
                    best[own] = ((long) shared << 32) | pos;
                }
                if (shared > most || (shared == most && own < first)) {
                    most = shared;
                    first = own;
                }
                counts[own] = 0;
            }
            otherBest[pos] = most == 0 ? 0 : ((long) most << 32) | first;
        }
        return best;
    }

    /** Scratch for queries against this index, reused so that a query costs only what it touches. */
    Searcher searcher() {
        return new Searcher();
    }

    /** The per-caller part of a query: counts per paragraph. Not thread-safe; cheap (two ints per paragraph). */
    final class Searcher {
        private final int[] counts = new int[paragraphs.size()];
        private final int[] touched = new int[paragraphs.size()];

        /**
         * The indexed paragraph that shares the most word pairs with {@code query} (sorted distinct hashes), the
         * first in text order on a tie; null when none shares any. Exact unless the query holds a frequent pair.
         */
        Best best(long[] query) {
            return best(query, 0);
        }

        /**
         * As {@link #best(long[])}, but null as soon as fewer than {@code needed} pairs could be shared: a paragraph
         * shares at most the query's pairs found in the text at all, so once more than {@code query.length - needed}
         * are missing the answer could only be discarded. Most paragraphs compared with an unrelated text stop
         * after about half their pairs instead of looking up all.
         */
        Best best(long[] query, int needed) {
            if (query.length > 0) {
                Best whole = bestHoldingAll(query);
                if (whole != null) {
                    return whole;
                }
            }
            int hits = 0;
            int mayMiss = query.length - needed;
            try {
                LongList frequent = null;
                for (long t : query) {
                    int k = id(t);
                    if (k < 0) {
                        if (--mayMiss < 0) {
                            return null;
                        }
                        continue;
                    }
                    if (starts[k + 1] - starts[k] > MAX_POSTINGS) {
                        if (frequent == null) {
                            frequent = new LongList(16);
                        }
                        frequent.add(t);
                        continue;
                    }
                    for (int i = starts[k]; i < starts[k + 1]; i++) {
                        int pos = postings[i];
                        if (counts[pos]++ == 0) {
                            touched[hits++] = pos;
                        }
                    }
                }
                return frequent == null ? bestCounted(hits) : bestCompleted(query, hits, frequent.toArray());
            } finally {
                for (int i = 0; i < hits; i++) {
                    counts[touched[i]] = 0;
                }
            }
        }

        /**
         * The answer without counting, when some paragraph has exactly the query's pairs (most paragraphs of a
         * revision: copied, or changed only in punctuation): every pair is shared, the most possible, so the best
         * is the first paragraph holding all of them — that one, or an earlier one holding more. Those all hold the
         * query's first pair, so only its postings (in text order) are looked at, or, when that pair is frequent,
         * those of its rarest pair. Null when no paragraph has exactly the query's pairs. Exact with frequent pairs
         * too, where counting completes only the best {@link #MAX_COMPLETED} candidates: a long text (20,000 words,
         * 300 paragraphs) has pairs such as "of the" in over {@link #MAX_POSTINGS} paragraphs, and counting its
         * copied paragraphs was a third of the CPU of loading such texts (BENCHMARKS §10(j)).
         */
        private Best bestHoldingAll(long[] query) {
            Integer same = firstWithTerms().get(new TermSet(query));
            if (same == null) {
                return null;
            }
            int k = id(query[0]);
            if (starts[k + 1] - starts[k] > MAX_POSTINGS) {
                for (long t : query) {
                    int other = id(t);
                    if (starts[other + 1] - starts[other] < starts[k + 1] - starts[k]) {
                        k = other;
                    }
                }
            }
            for (int i = starts[k]; i < starts[k + 1] && postings[i] < same; i++) {
                if (holdsAll(paragraphs.get(postings[i]).terms(), query)) {
                    return new Best(postings[i], query.length);
                }
            }
            return new Best(same, query.length);
        }

        private Best bestCounted(int hits) {
            Best best = null;
            for (int i = 0; i < hits; i++) {
                best = better(best, touched[i], counts[touched[i]]);
            }
            return best;
        }

        /** Completes the counts of the most promising candidates with the frequent pairs they share. */
        private Best bestCompleted(long[] query, int hits, long[] frequent) {
            Best best = null;
            for (long candidate : topCandidates(hits)) {
                int pos = (int) candidate;
                long[] terms = paragraphs.get(pos).terms();
                int shared = counts[pos];
                for (long f : frequent) {
                    if (Arrays.binarySearch(terms, f) >= 0) {
                        shared++;
                    }
                }
                best = better(best, pos, shared);
            }
            Integer same = firstWithTerms().get(new TermSet(query));
            return same == null ? best : better(best, same, query.length);
        }

        /** Up to {@link #MAX_COMPLETED} touched positions with the highest counts, lowest position first on a tie. */
        private long[] topCandidates(int hits) {
            // a bounded max-heap of (rank << 32 | position), where a smaller rank is a higher count; its top is the worst kept
            long[] heap = new long[Math.min(hits, MAX_COMPLETED)];
            int size = 0;
            for (int i = 0; i < hits; i++) {
                int pos = touched[i];
                long key = ((long) (Integer.MAX_VALUE - counts[pos]) << 32) | pos;
                if (size < heap.length) {
                    heap[size] = key;
                    siftUp(heap, size++);
                } else if (key < heap[0]) {
                    heap[0] = key;
                    siftDown(heap, size);
                }
            }
            long[] positions = new long[size];
            for (int i = 0; i < size; i++) {
                positions[i] = heap[i] & 0xFFFFFFFFL;
            }
            return positions;
        }
    }

    /** Whether the sorted distinct {@code terms} hold every one of the sorted distinct {@code query}. */
    private static boolean holdsAll(long[] terms, long[] query) {
        if (terms.length < query.length) {
            return false;
        }
        int i = 0;
        for (long q : query) {
            while (i < terms.length && terms[i] < q) {
                i++;
            }
            if (i == terms.length || terms[i] != q) {
                return false;
            }
            i++;
        }
        return true;
    }

    /** More pairs shared wins, then the earlier paragraph. */
    private static Best better(Best best, int pos, int shared) {
        if (best == null || shared > best.shared() || (shared == best.shared() && pos < best.position())) {
            return new Best(pos, shared);
        }
        return best;
    }

    private static void siftUp(long[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (heap[parent] >= heap[i]) {
                return;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void siftDown(long[] heap, int size) {
        int i = 0;
        while (true) {
            int largest = i;
            int l = 2 * i + 1;
            int r = l + 1;
            if (l < size && heap[l] > heap[largest]) {
                largest = l;
            }
            if (r < size && heap[r] > heap[largest]) {
                largest = r;
            }
            if (largest == i) {
                return;
            }
            swap(heap, i, largest);
            i = largest;
        }
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /** The first position of each distinct set of pairs; built on first need (a query that holds all of a set's pairs). */
    private Map<TermSet, Integer> firstWithTerms() {
        Map<TermSet, Integer> first = firstWithTerms;
        if (first == null) {
            first = new HashMap<>();
            for (int pos = 0; pos < paragraphs.size(); pos++) {
                first.putIfAbsent(new TermSet(paragraphs.get(pos).terms()), pos);
            }
            firstWithTerms = first;
        }
        return first;
    }

    /** A sorted set of pair hashes compared by content, as a map key. */
    private record TermSet(long[] terms) {
        @Override
        public boolean equals(Object o) {
            return o instanceof TermSet t && Arrays.equals(terms, t.terms);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(terms);
        }
    }
}
