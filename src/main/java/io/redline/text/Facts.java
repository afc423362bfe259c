package io.redline.text;

import java.text.DateFormatSymbols;
import java.util.ArrayList;
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
        WORD, NUMBER, DATE, YEAR, NAME;

        /** Whether the token is a fact rather than a word. */
        public boolean isFact() {
            return this != WORD;
        }
    }

    /** One token, case-folded, and its kind. */
    public record Token(String text, Kind kind) {
    }

    private static final Set<String> CALENDAR_NAMES = calendarNames();

    private Facts() {
    }

    public static List<Token> tokens(String text) {
        String s = TextNormalizer.nfkc(text);
        List<Token> out = new ArrayList<>();
        int i = 0;
        boolean previousWasNumber = false;
        int pendingCalendar = -1; // index in out of a lower-case calendar name waiting for a number after it
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!Tokenizer.isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            boolean digit = false;
            while (i < s.length()) {
                int c = s.codePointAt(i);
                if (Tokenizer.isWordChar(c)) {
                    digit |= Character.isDigit(c);
                    i += Character.charCount(c);
                } else if (digit && isNumberSeparator(c) && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))
                        && Character.isDigit(s.codePointBefore(i))) {
                    i++; // 4.6, 324,522, 10:30 stay one number
                } else {
                    break;
                }
            }
            String raw = s.substring(start, i);
            String folded = raw.toLowerCase(Locale.ROOT);
            Kind kind;
            if (digit) {
                kind = isYear(raw) ? Kind.YEAR : Kind.NUMBER;
                if (pendingCalendar >= 0) {
                    out.set(pendingCalendar, new Token(out.get(pendingCalendar).text(), Kind.DATE));
                }
            } else if (CALENDAR_NAMES.contains(folded) && (capitalised(raw) || previousWasNumber)) {
                kind = Kind.DATE;
            } else if (capitalised(raw) && !sentenceStart(s, start)) {
                kind = Kind.NAME;
            } else {
                kind = Kind.WORD;
            }
            pendingCalendar = kind == Kind.WORD && CALENDAR_NAMES.contains(folded) ? out.size() : -1;
            previousWasNumber = digit;
            out.add(new Token(folded, kind));
        }
        return out;
    }

    private static boolean isNumberSeparator(int c) {
        return c == '.' || c == ',' || c == ':' || c == '/';
    }

    private static boolean isYear(String raw) {
        if (raw.length() != 4) {
            return false;
        }
        for (int k = 0; k < 4; k++) {
            if (raw.charAt(k) < '0' || raw.charAt(k) > '9') {
                return false;
            }
        }
        int year = Integer.parseInt(raw);
        return year >= 1800 && year <= 2199;
    }

    private static boolean capitalised(String raw) {
        int first = raw.codePointAt(0);
        return Character.isUpperCase(first) || Character.isTitleCase(first);
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

    private static Set<String> calendarNames() {
        Set<String> names = new HashSet<>();
        for (String tag : List.of("en", "fr", "de", "es", "it", "pt", "nl")) {
            DateFormatSymbols symbols = DateFormatSymbols.getInstance(Locale.forLanguageTag(tag));
            for (String[] list : List.of(symbols.getMonths(), symbols.getWeekdays())) {
                for (String name : list) {
                    if (!name.isEmpty()) {
                        names.add(TextNormalizer.nfkc(name).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return Set.copyOf(names);
    }
}
