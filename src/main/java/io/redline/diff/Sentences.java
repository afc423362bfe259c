package io.redline.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Cuts a paragraph into sentences that cover it completely: a sentence ends after ".", "!" or "?" (and any
 * closing quotes or brackets) when white space and then a capital, a digit or an opening quote follow; the
 * white space stays with the sentence before. A period that closes an abbreviation does not end a sentence:
 * a title or month ("Col.", "Jan."), an initial ("J.") or a dotted short form ("U.S.", "a.m."). Example:
 * {@code "A U.S. spokesman, Col. J. K. Ryan, spoke. She stayed."} → ["A U.S. spokesman, Col. J. K. Ryan,
 * spoke. ", "She stayed."]. Stateless and thread-safe.
 */
public final class Sentences {
    /** Words that take a period and are, in news text, nearly always followed by a name or a number. */
    static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ft", "gen", "col", "lt", "maj", "capt", "cpt", "sgt",
            "cpl", "pvt", "adm", "cmdr", "cdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "approx", "vs", "jr", "sr", "messrs");
    /** Words that take a period before a number only: "No. 5", but "They said no. Then …" ends a sentence. */
    static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no", "nos", "vol", "fig", "p", "pp");
    private static final int LONGEST_ABBREVIATION = Stream.of(ABBREVIATIONS, NUMBER_ABBREVIATIONS)
            .flatMap(Set::stream).mapToInt(String::length).max().orElse(0);

    private Sentences() {
    }

    /** The sentences of {@code text}, in order; concatenated they give back {@code text}. Not null. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i++);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            if (c == '.' && abbreviationEndsAt(text, i - 1)) {
                continue;
            }
            while (i < n && "\"'\u201D\u2019)]".indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            int spaceEnd = i;
            while (spaceEnd < n && Character.isWhitespace(text.charAt(spaceEnd))) {
                spaceEnd++;
            }
            if (spaceEnd > i && spaceEnd < n && opensSentence(text.charAt(spaceEnd))) {
                out.add(text.substring(start, spaceEnd));
                start = spaceEnd;
                i = spaceEnd;
            }
        }
        if (start < n) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** The start offset of each sentence of {@code text} (the first is 0; none for an empty text). */
    public static int[] starts(String text) {
        List<String> sentences = split(text);
        int[] starts = new int[sentences.size()];
        int at = 0;
        for (int k = 0; k < starts.length; k++) {
            starts[k] = at;
            at += sentences.get(k).length();
        }
        return starts;
    }

    /** Whether the period at {@code dot} closes an abbreviation: the word before it is one of the known ones. */
    private static boolean abbreviationEndsAt(String text, int dot) {
        int begin = dot;
        while (begin > 0 && !Character.isWhitespace(text.charAt(begin - 1)) && "(\"'\u201C\u2018[".indexOf(text.charAt(begin - 1)) < 0) {
            begin--;
        }
        if (begin == dot) {
            return false;
        }
        if (dot - begin == 1 && Character.isUpperCase(text.charAt(begin))) {
            return true; // an initial: "J. K. Rowling"
        }
        if (dottedShortForm(text, begin, dot)) {
            return true; // "U.S", "a.m"
        }
        if (dot - begin > LONGEST_ABBREVIATION) {
            return false;
        }
        String lower = text.substring(begin, dot).toLowerCase(Locale.ROOT);
        if (NUMBER_ABBREVIATIONS.contains(lower)) {
            int next = dot + 1;
            while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
                next++;
            }
            return next < text.length() && Character.isDigit(text.charAt(next));
        }
        return ABBREVIATIONS.contains(lower);
    }

    /** Whether {@code text[begin, end)} is single letters joined by periods, such as "U.S" (at least two letters). */
    private static boolean dottedShortForm(String text, int begin, int end) {
        int letters = 0;
        int i = begin;
        while (i < end) {
            int c = text.codePointAt(i);
            if (!Character.isLetter(c)) {
                return false;
            }
            i += Character.charCount(c);
            letters++;
            if (i == end) {
                return letters >= 2;
            }
            if (text.charAt(i++) != '.') {
                return false;
            }
        }
        return false; // empty, or ends with a period
    }

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'\u201C\u2018(".indexOf(c) >= 0;
    }
}
