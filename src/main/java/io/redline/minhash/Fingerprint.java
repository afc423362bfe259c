package io.redline.minhash;

import io.redline.text.Paragraph;

import java.util.List;

/**
 * What Redline knows about one text: its paragraphs with their term sets, the sorted distinct shingle
 * hashes of its story content (boilerplate left out), their MinHash signature, and the LSH keys of its
 * single paragraphs (see {@link ParagraphKeys}; empty when not needed, as for stored texts being compared).
 * Arrays are shared, not copied, for speed: treat them as read-only.
 */
public record Fingerprint(List<ParagraphTerms> paragraphs, long[] shingles, Signature signature,
                          long[] paragraphKeys) {

    /**
     * One paragraph's word-pair hashes (2-shingles, sorted, distinct; one shingle of its word for a one-word paragraph),
     * its word count, and the hash of its normal form ({@link io.redline.text.TextNormalizer#normalHash}: equal for
     * copies that differ only in case or spacing), for paragraph-level evidence.
     */
    public record ParagraphTerms(Paragraph paragraph, boolean boilerplate, long[] terms, int words, long normalHash) {
    }
}
