package io.redline.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One entry of a paragraph diff; published as {@code ParagraphChange}. Every paragraph of the old version is in
 * exactly one entry's {@code fromIndexes}, every paragraph of the new one in exactly one entry's
 * {@code toIndexes}.
 *
 * @param op          what happened
 * @param fromIndex   the (first) old paragraph, zero-based; null for INSERTED
 * @param toIndex     the (first) new paragraph, zero-based; null for DELETED
 * @param fromIndexes all old paragraphs of the entry (several for MERGED)
 * @param toIndexes   all new paragraphs of the entry (several for SPLIT)
 * @param similarity  word similarity 0–1: 2 × equal words / (old words + new words)
 * @param changeClass how much the text changed
 * @param modified    for MOVED: whether the text changed too
 * @param fromSpan    offsets of the old paragraph(s) in the old text; null for INSERTED
 * @param toSpan      offsets of the new paragraph(s) in the new text; null for DELETED
 * @param fromText    the old text of the entry, exactly as in the old body; null for INSERTED
 * @param toText      the new text; null for DELETED
 * @param changes     word-level runs from {@code fromText} to {@code toText}
 */
@Schema(name = "ParagraphChange")
public record ParagraphChangeView(Op op, @Schema(nullable = true) Integer fromIndex,
                                  @Schema(nullable = true) Integer toIndex, List<Integer> fromIndexes,
                                  List<Integer> toIndexes, double similarity, ChangeClass changeClass,
                                  boolean modified, @Schema(nullable = true) SpanView fromSpan,
                                  @Schema(nullable = true) SpanView toSpan, @Schema(nullable = true) String fromText,
                                  @Schema(nullable = true) String toText, List<WordChangeView> changes) {

    /** What happened to the paragraph(s); the names are the API's (CMS tooling reads them). */
    public enum Op { UNCHANGED, MODIFIED, MOVED, INSERTED, DELETED, SPLIT, MERGED }

    /** How much the text changed: NONE, COSMETIC (spacing, quotes, case), MINOR (a word or two), SUBSTANTIVE. */
    public enum ChangeClass { NONE, COSMETIC, MINOR, SUBSTANTIVE }
}
