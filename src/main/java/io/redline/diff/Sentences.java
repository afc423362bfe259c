package io.redline.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a paragraph into sentences that cover it completely: a sentence ends after ".", "!" or "?" (and any
 * closing quotes or brackets) when white space and then a capital, a digit or an opening quote follow; the
 * white space stays with the sentence before. Example: {@code "He left. She stayed."} → ["He left. ",
 * "She stayed."]. Stateless and thread-safe.
 */
final class Sentences {
    private Sentences() {
    }

    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i++);
            if (c != '.' && c != '!' && c != '?') {
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

    private static boolean opensSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'\u201C\u2018(".indexOf(c) >= 0;
    }
}
