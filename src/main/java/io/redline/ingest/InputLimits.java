package io.redline.ingest;

import io.redline.api.ArticleRequest;
import io.redline.text.Paragraph;
import io.redline.text.Paragraphs;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * The bounds on every request's input and work, from the {@code limits} block of config.yml, and the checks
 * of article input made before any work is done. Each violation names the limit it broke. Immutable and
 * thread-safe.
 *
 * @param requestBytes   any request body (except bulk), counted after gzip inflation: 413 past it
 * @param textBytes      title + body of one text, in bytes of UTF-8: 413
 * @param paragraphs     paragraphs of one body: 413
 * @param paragraphChars characters of one paragraph: 413
 * @param bulkLines      lines of one bulk request: the line past it is answered 413 and reading stops
 * @param bulkBytes      bytes of one bulk request, after inflation: likewise
 * @param requestTime    work of one request, or of one bulk line: past it the work stops with 503
 * @param historyChars   characters of text (titles and bodies) over the versions of one story or article that one
 *                       request reads at once (time line, blame, story diff and feed, an article's versions): 413
 */
public record InputLimits(long requestBytes, long textBytes, int paragraphs, int paragraphChars,
                          int bulkLines, long bulkBytes, Duration requestTime, long historyChars) {
    public static final long DEFAULT_REQUEST_BYTES = 4L * 1024 * 1024;
    public static final long DEFAULT_TEXT_BYTES = 2L * 1024 * 1024;
    /** Far above real documents: a 300-page contract has ~3,000 paragraphs, a long read ~150. */
    public static final int DEFAULT_PARAGRAPHS = 5_000;
    /** A long legal paragraph is ~5,000 characters; ten times that is no paragraph a person wrote. */
    public static final int DEFAULT_PARAGRAPH_CHARS = 50_000;
    public static final int DEFAULT_BULK_LINES = 100_000;
    public static final long DEFAULT_BULK_BYTES = 1L << 30;
    public static final Duration DEFAULT_REQUEST_TIME = Duration.ofSeconds(5);
    /**
     * 100 versions of a 300-page contract (~500,000 characters each), or 1,500 of a 5,000-word article: about
     * 100 MB of strings on the heap, read before the time budget can stop anything.
     */
    public static final long DEFAULT_HISTORY_CHARS = 50_000_000;

    /** Oldest and newest accepted {@code publishedAt}: older archives than 1800 hold no news we could match. */
    static final Instant EARLIEST_PUBLISHED = Instant.parse("1800-01-01T00:00:00Z");
    static final Instant LATEST_PUBLISHED = Instant.parse("2200-01-01T00:00:00Z");

    static final int MAX_ID = 200;
    static final int MAX_TITLE = 2000;
    static final int MAX_URL = 2000;
    static final int MAX_SOURCE = 200;
    /**
     * Ids a URL path segment carries as they are: letters and digits of any script, then also marks and
     * {@code . _ ~ @ + = , -}. No '/', '%', ';' or ':' (a story diff names versions as {@code id:version}),
     * no white space, and not {@code bulk} (the bulk endpoint's path).
     */
    static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}._~@+=,-]*");

    public InputLimits {
        positive("requestBytes", requestBytes);
        positive("textBytes", textBytes);
        positive("paragraphs", paragraphs);
        positive("paragraphChars", paragraphChars);
        positive("bulkLines", bulkLines);
        positive("bulkBytes", bulkBytes);
        positive("historyChars", historyChars);
        if (requestTime == null || requestTime.isNegative() || requestTime.isZero()) {
            throw new IllegalArgumentException("requestTime must be positive, got " + requestTime);
        }
    }

    public static InputLimits defaults() {
        return new InputLimits(DEFAULT_REQUEST_BYTES, DEFAULT_TEXT_BYTES, DEFAULT_PARAGRAPHS, DEFAULT_PARAGRAPH_CHARS,
                DEFAULT_BULK_LINES, DEFAULT_BULK_BYTES, DEFAULT_REQUEST_TIME, DEFAULT_HISTORY_CHARS);
    }

    /**
     * Refuses to read a history ({@code what}: "story 12", "article a-1") of {@code chars} characters over
     * {@code historyChars}: its versions would all be loaded at once.
     */
    public void checkHistory(long chars, String what) {
        if (chars > historyChars) {
            throw InvalidInputException.tooLarge(null, what + " holds " + chars + " characters of text over its "
                    + "versions, more than one request reads at once (limits.historyChars = " + historyChars
                    + "); compare two of its versions with GET /diff?from=&fromVersion=&to=&toVersion=");
        }
    }

    public void checkArticle(ArticleRequest a) {
        if (a == null) {
            throw InvalidInputException.invalid(null, "request body must be a JSON object with id, title and body");
        }
        checkId(a.id());
        checkText(a.title(), a.body());
        checkField("url", a.url(), MAX_URL);
        checkField("source", a.source(), MAX_SOURCE);
        checkPublished(a.publishedAt());
    }

    /** A publication time, when given, must lie between 1800 and 2200. */
    public void checkPublished(Instant publishedAt) {
        if (publishedAt != null
                && (publishedAt.isBefore(EARLIEST_PUBLISHED) || !publishedAt.isBefore(LATEST_PUBLISHED))) {
            throw InvalidInputException.invalid("publishedAt", "publishedAt must be between " + EARLIEST_PUBLISHED
                    + " and " + LATEST_PUBLISHED + ", got " + publishedAt);
        }
    }

    public static void checkId(String id) {
        if (id == null || id.isEmpty()) {
            throw InvalidInputException.invalid("id", "id is required and must not be empty");
        }
        if (id.length() > MAX_ID || !ID.matcher(id).matches() || id.equals("bulk")) {
            throw InvalidInputException.invalid("id", "id must be 1 to " + MAX_ID + " letters, digits and . _ ~ @ + = , -"
                    + " starting with a letter or digit (so that /articles/{id} can address it), and not 'bulk'");
        }
    }

    /**
     * Whether {@code id} could name a stored article: reads of anything else answer "not found" without asking
     * the database (PostgreSQL refuses NUL in a query parameter outright). Looser than {@link #checkId}, so that
     * ids stored under earlier rules stay readable.
     */
    public static boolean couldBeStored(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID && storable(id);
    }

    /** No NUL and no unpaired UTF-16 surrogate: text every supported database keeps as it was sent. */
    public static boolean storable(String text) {
        return firstUnstorable(text) < 0;
    }

    /** Checks one text (title and body) against the size, paragraph and character limits. */
    public void checkText(String title, String body) {
        if (body == null || body.isBlank()) {
            throw InvalidInputException.invalid("body", "body is required and must not be empty");
        }
        checkField("title", title, MAX_TITLE);
        checkCharacters("body", body);
        long bytes = utf8Length(body) + (title == null ? 0 : utf8Length(title));
        if (bytes > textBytes) {
            throw InvalidInputException.tooLarge("body",
                    "title and body are " + bytes + " bytes, over the limit of " + textBytes + " bytes (limits.textBytes)");
        }
        int count = 0;
        for (Paragraph p : Paragraphs.split(body)) {
            if (++count > paragraphs) {
                throw InvalidInputException.tooLarge("body",
                        "body has more than " + paragraphs + " paragraphs (limits.paragraphs)");
            }
            if (p.text().length() > paragraphChars) {
                throw InvalidInputException.tooLarge("body", "paragraph " + (p.index() + 1) + " has " + p.text().length()
                        + " characters, over the limit of " + paragraphChars + " (limits.paragraphChars)");
            }
        }
    }

    private static void checkField(String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            throw InvalidInputException.invalid(field, field + " must be at most " + max + " characters, got " + value.length());
        }
        checkCharacters(field, value);
    }

    private static void checkCharacters(String field, String value) {
        int at = firstUnstorable(value);
        if (at >= 0) {
            throw InvalidInputException.invalid(field, value.charAt(at) == '\u0000'
                    ? field + " must not contain NUL (U+0000) characters"
                    : field + " contains an unpaired UTF-16 surrogate at character " + at);
        }
    }

    /**
     * Where the first character no database keeps as sent is, or -1: PostgreSQL cannot store U+0000, and a lone
     * UTF-16 surrogate (sent as a {@code \ud800} escape) is no character at all.
     */
    private static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }

    private static void positive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
