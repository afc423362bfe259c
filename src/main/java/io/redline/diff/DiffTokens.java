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
    /** Below this, the character classes come from tables filled by the same tests (most text is ASCII). */
    private static final int ASCII = 128;
    private static final boolean[] ASCII_WORD_CHAR = new boolean[ASCII];
    private static final boolean[] ASCII_SPACE = new boolean[ASCII];

    static {
        for (char c = 0; c < ASCII; c++) {
            ASCII_WORD_CHAR[c] = isWordCharSlow(c);
            ASCII_SPACE[c] = Character.isWhitespace(c) || Character.isSpaceChar(c);
        }
    }

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
        for (int start = 0, end; start < text.length(); start = end) {
            end = tokenEnd(text, start);
            if (!wordsOnly || isWordChar(text.charAt(start))) {
                out.add(text.substring(start, end));
            }
        }
        return out;
    }

    /** Where the token starting at {@code start} ends. */
    static int tokenEnd(String text, int start) {
        int n = text.length();
        int i = start;
        char c = text.charAt(i);
        if (isWordChar(c)) {
            i++;
            while (i < n && (isWordChar(text.charAt(i))
                    || (isJoiner(text.charAt(i)) && i + 1 < n && isWordChar(text.charAt(i + 1)) && isWordChar(text.charAt(i - 1))))) {
                i++;
            }
        } else if (isSpace(c)) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
        } else {
            i += Character.isHighSurrogate(c) && i + 1 < n ? 2 : 1;
        }
        return i;
    }

    /** {@code words(a).equals(words(b))}, without cutting either text up. */
    static boolean sameWords(String a, String b) {
        int i = nextWord(a, 0);
        int j = nextWord(b, 0);
        while (i < a.length() && j < b.length()) {
            int endA = tokenEnd(a, i);
            int endB = tokenEnd(b, j);
            if (endA - i != endB - j || !a.regionMatches(i, b, j, endA - i)) {
                return false;
            }
            i = nextWord(a, endA);
            j = nextWord(b, endB);
        }
        return i == a.length() && j == b.length();
    }

    /** Where the first word token at or after token start {@code from} starts; the length if there is none. */
    static int nextWord(String text, int from) {
        int i = from;
        while (i < text.length() && !isWordChar(text.charAt(i))) {
            i = tokenEnd(text, i);
        }
        return i;
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

    /** {@code countWords(tokens(text))}, without cutting the text up. */
    static int countWords(String text) {
        int words = 0;
        for (int start = 0; start < text.length(); start = tokenEnd(text, start)) {
            if (isWordChar(text.charAt(start))) {
                words++;
            }
        }
        return words;
    }

    private static boolean isWordChar(char c) {
        if (c < ASCII) {
            return ASCII_WORD_CHAR[c];
        }
        return isWordCharSlow(c);
    }

    private static boolean isSpace(char c) {
        if (c < ASCII) {
            return ASCII_SPACE[c];
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isWordCharSlow(char c) {
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
