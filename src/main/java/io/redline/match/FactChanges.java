package io.redline.match;

import io.redline.text.Facts;
import io.redline.text.Facts.Kind;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<Facts.Token, Integer> balance = new HashMap<>();
        for (Facts.Token t : Facts.tokens(before)) {
            balance.merge(t, 1, Integer::sum);
        }
        for (Facts.Token t : Facts.tokens(after)) {
            balance.merge(t, -1, Integer::sum);
        }
        int[] removed = new int[Kind.values().length];
        int[] added = new int[Kind.values().length];
        List<String> namesRemoved = new ArrayList<>();
        List<String> namesAdded = new ArrayList<>();
        for (Map.Entry<Facts.Token, Integer> e : balance.entrySet()) {
            Kind kind = e.getKey().kind();
            int n = e.getValue();
            if (n > 0) {
                removed[kind.ordinal()] += n;
            } else if (n < 0) {
                added[kind.ordinal()] -= n;
            }
            if (kind == Kind.NAME && n != 0) {
                (n > 0 ? namesRemoved : namesAdded).add(e.getKey().text());
            }
        }
        int words = changes(removed, added, Kind.WORD);
        int numbers = changes(removed, added, Kind.NUMBER) + changes(removed, added, Kind.DATE);
        int names = changes(removed, added, Kind.NAME);
        int years = changes(removed, added, Kind.YEAR);
        boolean renamed = Math.min(removed[Kind.YEAR.ordinal()], added[Kind.YEAR.ordinal()]) > 0
                || replaced(namesRemoved, namesAdded);
        return new FactChanges(1, words, numbers, names, years, renamed ? 1 : 0);
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

    public static FactChanges sum(List<FactChanges> all) {
        FactChanges total = NONE;
        for (FactChanges c : all) {
            total = total.plus(c);
        }
        return total;
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
