package io.redline.diff;

/** Paragraph-level diff of two versions of an article. Immutable and thread-safe. */
public final class ParagraphDiffer {
    private final DiffOptions options;

    public ParagraphDiffer(DiffOptions options) {
        this.options = options;
    }

    /** Diff with the default options. */
    public static TextDiff diff(String fromTitle, String fromBody, String toTitle, String toBody) {
        return new ParagraphDiffer(DiffOptions.defaults()).compare(fromTitle, fromBody, toTitle, toBody);
    }

    /**
     * @param fromTitle may be null (treated as empty)
     * @param fromBody  not null
     * @param toTitle   may be null
     * @param toBody    not null
     */
    public TextDiff compare(String fromTitle, String fromBody, String toTitle, String toBody) {
        throw new UnsupportedOperationException("being written");
    }
}
