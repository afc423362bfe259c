package io.redline.ingest;

/**
 * A request body turned out longer than its limit while it was being read (a chunked or gzip-inflated body
 * has no declared length). Thrown by the stream, so it may reach the API wrapped by the JSON parser.
 */
public final class BodyTooLarge extends RuntimeException {
    public BodyTooLarge(long max, String limit) {
        super("request body is over the limit of " + max + " bytes (" + limit + "), counted after decompression",
                null, false, false);
    }
}
