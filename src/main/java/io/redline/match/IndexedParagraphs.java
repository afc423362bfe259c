package io.redline.match;

import io.redline.minhash.Fingerprint.ParagraphTerms;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The paragraph terms of one text together with their word-pair index ({@link TermIndex}), built on first use and
 * then shared by every comparison of the text, on any thread: the text of a look-up, compared as A with each
 * candidate, and looked up twice when it is stored (when prepared and at commit, on two threads).
 *
 * <p>Example: {@code IndexedParagraphs.of(fingerprinter.paragraphTerms(body))} is a list equal to the terms; a
 * {@link Comparer} given a fingerprint holding it uses its index instead of building one.
 *
 * <p>The index is a pure function of the (immutable) paragraphs, so answers are the same with or without it.
 */
public final class IndexedParagraphs extends AbstractList<ParagraphTerms> implements RandomAccess {
    private final List<ParagraphTerms> paragraphs;
    // built by the first comparison that needs it; a race between two threads only builds it twice
    private volatile TermIndex index;

    private IndexedParagraphs(List<ParagraphTerms> paragraphs) {
        this.paragraphs = List.copyOf(paragraphs);
    }

    /** {@code paragraphs} (copied) with room for their index; the same instance if it already is one. */
    public static IndexedParagraphs of(List<ParagraphTerms> paragraphs) {
        return paragraphs instanceof IndexedParagraphs ip ? ip : new IndexedParagraphs(paragraphs);
    }

    /** The terms alone, without the index: to keep them longer than the index is worth its heap. */
    public List<ParagraphTerms> terms() {
        return paragraphs;
    }

    TermIndex index() {
        TermIndex built = index;
        if (built == null) {
            built = new TermIndex(paragraphs);
            index = built;
        }
        return built;
    }

    @Override
    public ParagraphTerms get(int i) {
        return paragraphs.get(i);
    }

    @Override
    public int size() {
        return paragraphs.size();
    }
}
