package io.redline.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises wire-copy boilerplate: bylines ({@code "By Raya Jalabi"}), photo captions (a line with
 * {@code "REUTERS/"} or {@code "FILE PHOTO"}, or one that ends with the picture's date), credit lines ({@code "(Reporting by ...; Editing by ...)"}),
 * copyright and trust-principle footers, and the dateline that opens a story
 * ({@code "SHARYA CAMP, Iraq (Reuters) - "}).
 *
 * <p>Boilerplate stays in the stored text but is left out of the fingerprint, so that two different
 * stories by the same reporter with the same caption do not look alike. Stateless and thread-safe.
 */
public final class Boilerplate {
    private static final int MAX_BYLINE_WORDS = 12;
    private static final int CAPTION_POSITIONS = 2;
    /** "By Raya Jalabi", "By Angus McDowall and Tom Perry": a capitalised name, no sentence punctuation. */
    private static final Pattern BYLINE = Pattern.compile("^(?i:by)\\s+\\p{Lu}[^.?!]*$");
    private static final Pattern CREDIT = Pattern.compile(
            "^\\(.*\\b(reporting|editing|writing|compiled|additional reporting|edited)\\b.*\\)\\.?$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /**
     * Reuters captions above a story end with the picture's date: "... in Al-Qaim, Iraq November 3, 2017."
     * Only the first {@link #CAPTION_POSITIONS} paragraphs are taken for such captions: a story sentence can
     * end with a date too.
     */
    private static final Pattern DATED_CAPTION_END = Pattern.compile(
            "\\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                    + " \\d{1,2}, \\d{4}\\.?$");
    /** Longest tail that can hold "September 30, 2017.". */
    private static final int DATE_TAIL = 24;
    /** How far into a paragraph a dateline's "(Reuters)" may stand. */
    private static final int DATELINE_REACH = 100;
    private static final String[] AGENCIES = {"Reuters", "AP", "AFP", "Bloomberg", "UPI", "dpa"};

    private Boilerplate() {
    }

    /** Whether the whole paragraph, at zero-based {@code index}, is a byline, caption, credit or footer. */
    public static boolean isBoilerplate(String paragraph, int index) {
        String p = paragraph.strip();
        if (p.regionMatches(true, 0, "by ", 0, 3) && BYLINE.matcher(p).matches()
                && p.split("\\s+").length <= MAX_BYLINE_WORDS) {
            return true;
        }
        if (p.startsWith("FILE PHOTO") || startsWithIgnoreCase(p, "photo:") || isPhotoCredit(p)) {
            return true;
        }
        if (p.startsWith("©") || startsWithIgnoreCase(p, "copyright ") || startsWithIgnoreCase(p, "our standards:")) {
            return true;
        }
        // the pattern needs the closing bracket; without it, its two ".*" would try every pair of positions
        // of a long paragraph that opens with "(" and names "reporting" often
        if (p.startsWith("(") && (p.endsWith(")") || p.endsWith(").")) && CREDIT.matcher(p).matches()) {
            return true;
        }
        return index < CAPTION_POSITIONS && endsWithDate(p);
    }

    /**
     * Where the story text starts after an opening dateline ({@code "BEIRUT/ERBIL (Reuters) – "}); 0 when
     * there is none. Plain scanning rather than one regular expression: this runs on every article, and a
     * pattern loose enough for "Aleppo, Syria" backtracks through the whole paragraph when it fails.
     */
    public static int contentStart(String paragraph) {
        // indexOf is one vectorised scan, cheaper than looking at the first hundred characters one by one
        int open = paragraph.indexOf('(');
        if (open < 1 || open > DATELINE_REACH || !Character.isUpperCase(paragraph.charAt(0))) {
            return 0;
        }
        for (int i = 1; i < open; i++) {
            if (!isDatelineChar(paragraph.charAt(i))) {
                return 0;
            }
        }
        int close = paragraph.indexOf(')', open);
        if (close < 0 || !isAgency(paragraph, open + 1, close)) {
            return 0;
        }
        int i = skipSpaces(paragraph, close + 1);
        int dashes = i;
        while (i < paragraph.length() && "-–—".indexOf(paragraph.charAt(i)) >= 0) {
            i++;
        }
        return i == dashes ? 0 : skipSpaces(paragraph, i);
    }

    private static boolean isDatelineChar(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK || " .,'’/-".indexOf(c) >= 0;
    }

    /**
     * A picture credit anywhere in the paragraph: "REUTERS/Name", ".../File Photo", ".../FILE PHOTO", "AFP PHOTO",
     * "(Photo by ...)". Each mark holds a '/' or a '(' but one, so the paragraph is scanned for those two characters
     * and that one string rather than once for every mark: this runs on every paragraph that is signed.
     */
    private static boolean isPhotoCredit(String p) {
        for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
            if (p.startsWith("REUTERS/", i - 7) || p.startsWith("/File Photo", i) || p.startsWith("/FILE PHOTO", i)) {
                return true;
            }
        }
        for (int i = p.indexOf('('); i >= 0; i = p.indexOf('(', i + 1)) {
            if (p.startsWith("(Photo by", i) || p.startsWith("(photo by", i)) {
                return true;
            }
        }
        return p.contains("AFP PHOTO");
    }

    private static boolean isAgency(String s, int from, int to) {
        for (String agency : AGENCIES) {
            if (agency.length() == to - from && s.regionMatches(true, from, agency, 0, agency.length())) {
                return true;
            }
        }
        return false;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean endsWithDate(String p) {
        int n = p.length();
        int last = n > 0 && p.charAt(n - 1) == '.' ? n - 2 : n - 1;
        if (last < 0 || !Character.isDigit(p.charAt(last))) {
            return false;
        }
        Matcher m = DATED_CAPTION_END.matcher(p);
        m.region(Math.max(0, n - DATE_TAIL), n).useTransparentBounds(true);
        return m.find();
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
