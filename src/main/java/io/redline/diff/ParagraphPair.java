package io.redline.diff;

import io.redline.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * One paragraph against its counterpart, as every view shows the pair: the similarity (the share of words the
 * word diff keeps, as a Dice coefficient: 1.0 for the same text after normalisation), and the sentences of each
 * side that the diff pairs with a sentence of the other, as character spans into each paragraph (white space
 * after a sentence left out). The diff ({@link ParagraphDiffer}) and the check's shared paragraphs both take
 * their figure from here, so the same pair reads the same everywhere.
 *
 * <p>Example: {@code of("Troops took the town. Rain fell.", "Troops seized the town. Snow came.")} pairs the
 * first sentences (3 of their 4 words in common) and not the second ones: similarity 0.5 (3 of 6 words kept), spans [0, 21) and [0, 23).
 * Stateless and thread-safe; the work is one word diff of the two paragraphs (bounded as {@link WordDiff}'s).
 */
public record ParagraphPair(double similarity, List<Span> sentences, List<Span> counterpartSentences) {
    public ParagraphPair {
        sentences = List.copyOf(sentences);
        counterpartSentences = List.copyOf(counterpartSentences);
    }

    /** {@code a} (one paragraph) against {@code b} (its counterpart); neither null. */
    public static ParagraphPair of(String a, String b) {
        return of(a, b, TextNormalizer.normalize(a).equals(TextNormalizer.normalize(b)));
    }

    /**
     * As {@link #of(String, String)}, for a caller that already knows whether the two have the same normal form
     * ({@code match.SharedParagraph#exact}): the pair is then not normalised again.
     */
    public static ParagraphPair of(String a, String b, boolean sameNormalForm) {
        List<String> sa = Sentences.split(a);
        List<String> sb = a.equals(b) ? sa : Sentences.split(b);
        if (sameNormalForm) {
            List<Span> all = spans(sa, allOf(sa.size()));
            return new ParagraphPair(1.0, all, sa == sb ? all : spans(sb, allOf(sb.size())));
        }
        List<int[]> pairs = WordDiff.alignSentences(sa, sb);
        List<Integer> ia = new ArrayList<>();
        List<Integer> ib = new ArrayList<>();
        for (int[] p : pairs) {
            ia.add(p[0]);
            ib.add(p[1]);
        }
        return new ParagraphPair(similarity(false, WordDiff.diff(sa, sb, pairs, false)), spans(sa, ia), spans(sb, ib));
    }

    /** The one similarity rule: 1.0 for the same normal form, else the word diff's Dice, to four places. */
    static double similarity(boolean sameNormalForm, WordDiff.Result words) {
        return sameNormalForm ? 1.0 : Math.round(words.similarity() * 1e4) / 1e4;
    }

    private static List<Integer> allOf(int n) {
        List<Integer> all = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            all.add(k);
        }
        return all;
    }

    private static List<Span> spans(List<String> sentences, List<Integer> chosen) {
        List<Span> out = new ArrayList<>();
        int at = 0;
        int next = 0;
        for (int k = 0; k < sentences.size(); k++) {
            String s = sentences.get(k);
            if (next < chosen.size() && chosen.get(next) == k) {
                int end = at + s.length();
                while (end > at && Character.isWhitespace(s.charAt(end - at - 1))) {
                    end--;
                }
                out.add(new Span(at, end));
                next++;
            }
            at += s.length();
        }
        return out;
    }
}
