package io.redline.match;

import io.redline.text.Facts;
import io.redline.text.Facts.Kind;
import io.redline.text.LongList;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed between paragraphs that reappear reworded, token by token: how many words, and how many facts
 * of each kind. A change is a token removed or added; a substitution is one removed and one added in the same
 * paragraph ("Tripoli" → "Valparaiso", "2024" → "2025").
 *
 * @param paragraphs        reworded paragraph pairs looked at
 * @param words             word changes (the larger of removed and added, per paragraph)
 * @param numbers           number and date changes
 * @param names             name changes
 * @param years             year changes
 * @param renamed           paragraph pairs in which a name or a year was substituted
 */
public record FactChanges(int paragraphs, int words, int numbers, int names, int years, int renamed) {
    public static final FactChanges NONE = new FactChanges(0, 0, 0, 0, 0, 0);
    /** Most pairs of removed and added names compared for a corrected spelling, per paragraph. */
    static final int MAX_NAME_PAIRS = 4096;

    /** The changes between two versions of one paragraph. */
    public static FactChanges of(String before, String after) {
        return between(Tokens.of(before), Tokens.of(after));
    }

    /**
     * One version of a paragraph as {@link #of} compares it: its scan and its tokens' keys, sorted. Made once and
     * used again when the same paragraph is compared with several others (a look-up's text with each candidate).
     */
    static final class Tokens {
        private final Facts.Scan scan;
        private final long[] keys;

        private Tokens(Facts.Scan scan) {
            this.scan = scan;
            this.keys = keys(scan);
        }

        static Tokens of(String text) {
            return new Tokens(Facts.scan(text));
        }
    }

    /** {@link #of}, for versions already scanned. */
    static FactChanges between(Tokens before, Tokens after) {
        Facts.Scan a = before.scan;
        Facts.Scan b = after.scan;
        long[] ka = before.keys;
        long[] kb = after.keys;
        int[] removed = new int[KINDS.length];
        int[] added = new int[KINDS.length];
        LongList namesGone = new LongList(8);
        LongList namesCome = new LongList(8);
        int i = 0;
        int j = 0;
        // both sorted: what is in one and not matched in the other was removed or added
        while (i < ka.length || j < kb.length) {
            if (j == kb.length || (i < ka.length && ka[i] < kb[j])) {
                count(ka[i++], removed, namesGone);
            } else if (i == ka.length || kb[j] < ka[i]) {
                count(kb[j++], added, namesCome);
            } else {
                i++;
                j++;
            }
        }
        int words = changes(removed, added, Kind.WORD);
        int numbers = changes(removed, added, Kind.NUMBER) + changes(removed, added, Kind.DATE);
        int names = changes(removed, added, Kind.NAME);
        int years = changes(removed, added, Kind.YEAR);
        boolean renamed = Math.min(removed[Kind.YEAR.ordinal()], added[Kind.YEAR.ordinal()]) > 0
                || replaced(names(a, namesGone), names(b, namesCome));
        return new FactChanges(1, words, numbers, names, years, renamed ? 1 : 0);
    }

    private static final Kind[] KINDS = Kind.values();

    /** Each token as its text's hash with its kind in the low bits, sorted. */
    private static long[] keys(Facts.Scan scan) {
        long[] keys = new long[scan.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = (scan.hash(k) & ~7L) | scan.kind(k).ordinal();
        }
        Arrays.sort(keys);
        return keys;
    }

    private static void count(long key, int[] counts, LongList names) {
        int kind = (int) (key & 7);
        counts[kind]++;
        if (KINDS[kind] == Kind.NAME) {
            names.add(key);
        }
    }

    /** The distinct texts of the scan's names whose keys are in {@code keys}. */
    private static List<String> names(Facts.Scan scan, LongList keys) {
        if (keys.size() == 0) {
            return List.of();
        }
        long[] wanted = keys.toSortedSet();
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < scan.size() && out.size() <= MAX_NAME_PAIRS; k++) {
            if (scan.kind(k) == Kind.NAME && Arrays.binarySearch(wanted, (scan.hash(k) & ~7L) | Kind.NAME.ordinal()) >= 0) {
                out.add(scan.folded(k));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether a name gave way to a different one: a removed name and an added name, the removed one unlike every
     * added one, so that a corrected spelling ("Smtih" → "Smith") is not a new name.
     */
    private static boolean replaced(List<String> removed, List<String> added) {
        if (removed.isEmpty() || added.isEmpty()) {
            return false;
        }
        if ((long) removed.size() * added.size() > MAX_NAME_PAIRS) {
            return true; // that many names gone and come is a renaming; comparing each pair would be quadratic
        }
        for (String r : removed) {
            boolean corrected = false;
            for (String a : added) {
                int allowed = Math.max(2, Math.min(r.length(), a.length()) / 3);
                Integer distance = new LevenshteinDistance(allowed).apply(r, a);
                if (distance >= 0) {
                    corrected = true;
                    break;
                }
            }
            if (!corrected) {
                return true;
            }
        }
        return false;
    }

    private static int changes(int[] removed, int[] added, Kind kind) {
        return Math.max(removed[kind.ordinal()], added[kind.ordinal()]);
    }

    public FactChanges plus(FactChanges o) {
        return new FactChanges(paragraphs + o.paragraphs, words + o.words, numbers + o.numbers, names + o.names,
                years + o.years, renamed + o.renamed);
    }

    /** Facts changed: numbers, dates, names and years. */
    public int facts() {
        return numbers + names + years;
    }

    /** The share of all changes that are facts; 0 when nothing changed. */
    public double factShare() {
        int all = facts() + words;
        return all == 0 ? 0 : (double) facts() / all;
    }
}
