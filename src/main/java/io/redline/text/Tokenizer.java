package io.redline.text;

/**
 * Turns text into a stream of 64-bit token hashes, without creating a String per token.
 *
 * <p>A token is a maximal run of Unicode letters, digits and combining marks, in any script, case-folded
 * and with NFKC applied first: {@code "Baghdadi’s ISIS-led"} → hashes of [baghdadi, s, isis, led].
 * Scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, Tibetan) yield one
 * token per character, so shingles over them are character shingles. Punctuation and whitespace only
 * separate tokens. Stateless and thread-safe.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    /** Appends the hash of every token of {@code text} to {@code out}; returns how many were added. */
    public static int hashTokens(String text, LongList out) {
        String s = TextNormalizer.nfkc(text);
        int before = out.size();
        long h = 0;
        boolean inToken = false;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c < 128) { // the common case, kept free of code point and folding work
                i++;
                if (isAsciiWordChar(c)) {
                    if (!inToken) {
                        h = Hashes.fnvStart();
                        inToken = true;
                    }
                    h = Hashes.fnvStep(h, c <= 'Z' && c >= 'A' ? c + 32 : c);
                } else if (inToken) {
                    out.add(Hashes.mix(h));
                    inToken = false;
                }
                continue;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isWordChar(cp)) {
                if (isUnspacedScript(cp)) {
                    if (inToken) {
                        out.add(Hashes.mix(h));
                        inToken = false;
                    }
                    out.add(Hashes.mix(Hashes.fnvStep(Hashes.fnvStart(), TextNormalizer.fold(cp))));
                    continue;
                }
                if (!inToken) {
                    h = Hashes.fnvStart();
                    inToken = true;
                }
                h = Hashes.fnvStep(h, TextNormalizer.fold(cp));
            } else if (inToken) {
                out.add(Hashes.mix(h));
                inToken = false;
            }
        }
        if (inToken) {
            out.add(Hashes.mix(h));
        }
        return out.size() - before;
    }

    private static boolean isAsciiWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    static boolean isUnspacedScript(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        switch (script) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR, TIBETAN:
                return true;
            default:
                return false;
        }
    }
}
