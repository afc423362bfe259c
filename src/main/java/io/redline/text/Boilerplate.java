package io.redline.text;

import java.util.Locale;
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
    private static final Pattern DATED_CAPTION = Pattern.compile(
            ".*\\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                    + " \\d{1,2}, \\d{4}\\.?$", Pattern.DOTALL);
    private static final Pattern DATELINE = Pattern.compile(
            "^[\\p{Lu}\\p{M}][\\p{L}\\p{M} .,'’/\\-]*(?:,\\s*[\\p{L}\\p{M} .]+)?\\s*"
                    + "\\((?i:Reuters|AP|AFP|Bloomberg|UPI|dpa)\\)\\s*[-–—]+\\s*");

    private Boilerplate() {
    }

    /** Whether the whole paragraph, at zero-based {@code index}, is a byline, caption, credit or footer. */
    public static boolean isBoilerplate(String paragraph, int index) {
        String p = paragraph.strip();
        String lower = p.toLowerCase(Locale.ROOT);
        if (BYLINE.matcher(p).matches() && p.split("\\s+").length <= MAX_BYLINE_WORDS) {
            return true;
        }
        if (p.contains("REUTERS/") || p.startsWith("FILE PHOTO") || lower.contains("/file photo")
                || p.contains("AFP PHOTO") || lower.startsWith("photo:") || lower.contains("(photo by")) {
            return true;
        }
        if (lower.startsWith("©") || lower.startsWith("copyright ") || lower.startsWith("our standards:")) {
            return true;
        }
        return CREDIT.matcher(p).matches() || (index < CAPTION_POSITIONS && DATED_CAPTION.matcher(p).matches());
    }

    /** Where the story text starts after an opening dateline; 0 when there is none. */
    public static int contentStart(String paragraph) {
        Matcher m = DATELINE.matcher(paragraph);
        return m.lookingAt() ? m.end() : 0;
    }
}
