package io.redline.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into the tokens a word diff works on, covering it completely: whole words (letters, digits and
 * marks, with inner apostrophes, hyphens and number separators: "don't", "self-proclaimed", "1,500"), runs of
 * white space, and every other character as its own token. Example: {@code "It's 1,500 km."} →
 * [It's, " ", 1,500, " ", km, .]. Concatenating the tokens gives the text back. Stateless and thread-safe.
 */
final class DiffTokens {
    private DiffTokens() {
    }

    static List<String> tokens(String text) {
        return cut(text, false);
    }

    /** The word tokens of {@code text} only, in order: {@code tokens} filtered by {@link #isWord}, without the rest. */
    static List<String> words(String text) {
        return cut(text, true);
    }

    private static List<String> cut(String text, boolean wordsOnly) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = i;
            char c = text.charAt(i);
            boolean word = isWordChar(c);
            if (word) {
                i++;
                while (i < n && (isWordChar(text.charAt(i))
                        || (isJoiner(text.charAt(i)) && i + 1 < n && isWordChar(text.charAt(i + 1)) && isWordChar(text.charAt(i - 1))))) {
                    i++;
                }
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                while (i < n && (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i)))) {
                    i++;
                }
            } else {
                i += Character.isHighSurrogate(c) && i + 1 < n ? 2 : 1;
            }
            if (word || !wordsOnly) {
                out.add(text.substring(start, i));
            }
        }
        return out;
    }

    static boolean isWord(String token) {
        return !token.isEmpty() && isWordChar(token.charAt(0));
    }

    static int countWords(List<String> tokens) {
        int n = 0;
        for (String t : tokens) {
            if (isWord(t)) {
                n++;
            }
        }
        return n;
    }

    static int countWords(String text) {
        return countWords(tokens(text));
    }

    private static boolean isWordChar(char c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** Characters that join two word parts into one word: apostrophes, hyphens, number separators. */
    private static boolean isJoiner(char c) {
        return c == '\'' || c == '\u2019' || c == '-' || c == '\u2010' || c == '\u2011' || c == ',' || c == '.';
    }
}
