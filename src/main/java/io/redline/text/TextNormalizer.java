package io.redline.text;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Canonical form of a text for comparison: Unicode NFKC, case folded, curly quotes and dash variants made
 * plain, runs of whitespace collapsed to one space, trimmed.
 *
 * <p>Example: {@code "  The “Caliphate” — Falls\n"} → {@code "the \"caliphate\" - falls"}.
 * Stateless and thread-safe. {@link #VERSION} changes whenever the output for some input would change, so
 * stored fingerprints made by an older version are re-indexed rather than compared.
 */
public final class TextNormalizer {
    public static final int VERSION = 1;

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String nfkc = nfkc(text);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(fold(cp));
        }
        return out.toString();
    }

    /**
     * The UTF-8 bytes of {@code normalize(text)}, made directly from the text when it is ASCII (the common case:
     * hashing a long body's normal form then costs a pass over its characters, not code points and two copies).
     */
    public static byte[] normalizedUtf8(String text) {
        if (!isAscii(text)) {
            return normalize(text).getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = new byte[text.length()];
        int n = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = n > 0;
                continue;
            }
            if (pendingSpace) {
                out[n++] = ' ';
                pendingSpace = false;
            }
            out[n++] = (byte) fold(c);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * {@code Hashes.ofChars(normalize(text))}, without building the normal form when the text is ASCII (the common
     * case, and the costly one when long paragraphs are compared): each whitespace run hashes as one space, except
     * at the ends, and the rest case-folded. Texts with equal normal forms have equal hashes; texts whose normal
     * forms differ have equal hashes with probability about 2<sup>-64</sup>.
     */
    public static long normalHash(String text) {
        long h = Hashes.fnvStart();
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return Hashes.ofChars(normalize(text));
            }
            int folded = ASCII_FOLDED[c];
            if (folded < 0) {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) {
                h = Hashes.fnvStep(h, ' ');
                pendingSpace = false;
            }
            h = Hashes.fnvStep(h, folded);
            started = true;
        }
        return Hashes.mix(h);
    }

    /** Per ASCII char, {@link #fold} of it, or -1 for white space: one table look-up per char of a normal hash. */
    private static final int[] ASCII_FOLDED = asciiFolded();

    private static int[] asciiFolded() {
        int[] table = new int[128];
        for (int c = 0; c < 128; c++) {
            table[c] = isSpace(c) ? -1 : fold(c);
        }
        return table;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /**
     * Unicode NFKC, after mapping the quote marks that NFKC would decompose (the acute accent becomes a space
     * and a combining mark, the double prime two primes) to their plain form.
     */
    public static String nfkc(String text) {
        if (isAscii(text)) {
            return text;
        }
        String quotesUnified = text.replace('\u00B4', '\'').replace('\u2033', '"');
        return Normalizer.normalize(quotesUnified, Normalizer.Form.NFKC);
    }

    /** Case-folds one code point and maps quote and dash variants to their ASCII form. */
    static int fold(int cp) {
        switch (cp) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '\u0060':
                return '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB':
                return '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE58', '\uFE63':
                return '-';
            default:
                return cp < 128 ? asciiLower(cp) : Character.toLowerCase(Character.toUpperCase(cp));
        }
    }

    private static int asciiLower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /** Whether every char of {@code s} is below 128. */
    public static boolean isAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
