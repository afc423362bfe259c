package io.redline.match;

/**
 * How a text relates to a stored one, and in a few words why: "names or years replaced in 3 of 4 reworded
 * paragraphs". {@code edition}: a {@code TEMPLATE} that the text alone would have put in the same story, told
 * apart by its facts or its date — a next edition of the stored text, so not of its story either.
 */
public record Verdict(Classification relation, String reason, boolean edition) {
    public Verdict(Classification relation, String reason) {
        this(relation, reason, false);
    }
}
