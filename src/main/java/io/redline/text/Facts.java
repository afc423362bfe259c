package io.redline.text;

import java.text.DateFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a paragraph into words and facts, to tell a rewording from a change of facts.
 *
 * <ul>
 *   <li>{@code YEAR}: four digits from 1800 to 2199 standing alone: "2024".</li>
 *   <li>{@code NUMBER}: any other token with a digit, separators inside kept: "4.6", "324,522", "10:30", "G7".</li>
 *   <li>{@code DATE}: a month or weekday name (in English, French, German, Spanish, Italian, Portuguese and
 *   Dutch), when capitalised or next to a number: "Tuesday", "March 12", "12 mars"; a lower-case "may"
 *   alone stays a word.</li>
 *   <li>{@code NAME}: a capitalised word inside a sentence (not its first word): "Tripoli", "Reuters". Sentences
 *   are told by the punctuation before the word, so this works in any script that has capitals; in scripts
 *   without case there are no names, only numbers and years.</li>
 *   <li>{@code WORD}: everything else.</li>
 * </ul>
 * Example: "A magnitude 4.6 earthquake struck 12 km north of Tripoli on Tuesday." → A word, magnitude word,
 * 4.6 number, earthquake word, struck word, 12 number, km word, north word, of word, Tripoli name, on word,
 * Tuesday date. Stateless and thread-safe.
 */
public final class Facts {
    /** What a token is. Names and years say which story a text tells; numbers and dates move as a story develops. */
    public enum Kind {
        WORD, NUMBER, DATE, YEAR, NAME
    }

    /** One token, case-folded, and its kind. */
    public record Token(String text, Kind kind) {
    }

    /**
     * The tokens of a text without a String or an object per token: for token {@code i}, its kind, a 64-bit
     * hash of its case-folded text, and its place in {@link #text()} (the text after NFKC).
     */
    public static final class Scan {
        private final String text;
        private int size;
        private int[] starts = new int[32];
        private int[] ends = new int[32];
        private Kind[] kinds = new Kind[32];
        private long[] hashes = new long[32];

        private Scan(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public int size() {
            return size;
        }

        public Kind kind(int i) {
            return kinds[i];
        }

        public long hash(int i) {
            return hashes[i];
        }

        /** The token's text, case-folded. */
        public String folded(int i) {
            return text.substring(starts[i], ends[i]).toLowerCase(Locale.ROOT);
        }

        private void add(int start, int end, Kind kind, long hash) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                kinds = Arrays.copyOf(kinds, size * 2);
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            starts[size] = start;
            ends[size] = end;
            kinds[size] = kind;
            hashes[size++] = hash;
        }
    }

    /** Sorted: looked up for every token, so without boxing the hash as a set of {@code Long} would. */
    private static final long[] CALENDAR_NAMES = calendarNames();
    /** One bit per value of a hash's top 10 bits, set for the calendar names': most tokens are told apart by it alone. */
    private static final long[] CALENDAR_FILTER = filter(CALENDAR_NAMES);

    private Facts() {
    }

    public static List<Token> tokens(String text) {
        Scan scan = scan(text);
        List<Token> out = new ArrayList<>(scan.size());
        for (int i = 0; i < scan.size(); i++) {
            out.add(new Token(scan.folded(i), scan.kind(i)));
        }
        return out;
    }

    public static Scan scan(String text) {
        String s = TextNormalizer.nfkc(text);
        Scan out = new Scan(s);
        int i = 0;
        boolean previousWasNumber = false;
        int pendingCalendar = -1; // a lower-case calendar name waiting for a number after it
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (cp < 128 ? !isAsciiWordChar(cp) : !Tokenizer.isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean digit = false;
            long hash = Hashes.fnvStart();
            while (i < s.length()) {
                char ascii = s.charAt(i);
                if (ascii < 128) { // the common case, kept free of code point and folding work
                    if ((ascii >= 'a' && ascii <= 'z') || (ascii >= '0' && ascii <= '9')) {
                        digit |= ascii <= '9';
                        hash = Hashes.fnvStep(hash, ascii);
                        i++;
                        continue;
                    }
                    if (ascii >= 'A' && ascii <= 'Z') {
                        hash = Hashes.fnvStep(hash, ascii + 32);
                        i++;
                        continue;
                    }
                }
                int c = s.codePointAt(i);
                if (c >= 128 && Tokenizer.isWordChar(c)) {
                    digit |= Character.isDigit(c);
                    hash = Hashes.fnvStep(hash, TextNormalizer.fold(c));
                    i += Character.charCount(c);
                } else if (digit && isNumberSeparator(c) && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))
                        && Character.isDigit(s.codePointBefore(i))) {
                    hash = Hashes.fnvStep(hash, c);
                    i++; // 4.6, 324,522, 10:30 stay one number
                } else {
                    break;
                }
            }
            boolean calendar = !digit && isCalendarName(hash);
            boolean capitalised = Character.isUpperCase(cp) || Character.isTitleCase(cp);
            Kind kind;
            if (digit) {
                kind = isYear(s, start, i) ? Kind.YEAR : Kind.NUMBER;
                if (pendingCalendar >= 0) {
                    out.kinds[pendingCalendar] = Kind.DATE;
                }
            } else if (calendar && (capitalised || previousWasNumber)) {
                kind = Kind.DATE;
            } else if (capitalised && !sentenceStart(s, start)) {
                kind = Kind.NAME;
            } else {
                kind = Kind.WORD;
            }
            pendingCalendar = kind == Kind.WORD && calendar ? out.size() : -1;
            previousWasNumber = digit;
            out.add(start, i, kind, hash);
        }
        return out;
    }

    private static boolean isCalendarName(long hash) {
        int bit = (int) (hash >>> 54);
        return (CALENDAR_FILTER[bit >>> 6] & (1L << bit)) != 0 && Arrays.binarySearch(CALENDAR_NAMES, hash) >= 0;
    }

    private static long[] filter(long[] hashes) {
        long[] bits = new long[16];
        for (long h : hashes) {
            int bit = (int) (h >>> 54);
            bits[bit >>> 6] |= 1L << bit;
        }
        return bits;
    }

    private static boolean isAsciiWordChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isNumberSeparator(int c) {
        return c == '.' || c == ',' || c == ':' || c == '/';
    }

    private static boolean isYear(String s, int start, int end) {
        if (end - start != 4) {
            return false;
        }
        int year = 0;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
            year = year * 10 + (c - '0');
        }
        return year >= 1800 && year <= 2199;
    }

    /** Whether only opening quotes, brackets and spaces lie between the start or a sentence end and {@code at}. */
    private static boolean sentenceStart(String s, int at) {
        int k = at;
        while (k > 0) {
            int c = s.codePointBefore(k);
            if (c == '.' || c == '!' || c == '?' || c == ':' || c == '…' || c == '。' || c == '¿' || c == '¡') {
                return true;
            }
            if (Character.isWhitespace(c) || isOpening(c)) {
                k -= Character.charCount(c);
                continue;
            }
            return false;
        }
        return true;
    }

    private static boolean isOpening(int c) {
        int type = Character.getType(c);
        return type == Character.START_PUNCTUATION || type == Character.INITIAL_QUOTE_PUNCTUATION
                || c == '"' || c == '\'' || c == '-' || c == '—' || c == '–' || c == '•' || c == '*';
    }

    /** Hashes of the case-folded month and weekday names, as {@link #scan} hashes tokens. */
    private static long[] calendarNames() {
        Set<Long> names = new HashSet<>();
        for (String tag : List.of("en", "fr", "de", "es", "it", "pt", "nl")) {
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(Locale.forLanguageTag(tag));
            for (String[] list : List.of(symbols.getMonths(), symbols.getWeekdays())) {
                for (String name : list) {
                    if (!name.isEmpty()) {
                        String folded = TextNormalizer.nfkc(name);
                        long hash = Hashes.fnvStart();
                        for (int k = 0; k < folded.length(); ) {
                            int cp = folded.codePointAt(k);
                            hash = Hashes.fnvStep(hash, TextNormalizer.fold(cp));
                            k += Character.charCount(cp);
                        }
                        names.add(hash);
                    }
                }
            }
        }
        return names.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
