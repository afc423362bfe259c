package io.redline.diff;

import java.util.List;

/**
 * One entry of a paragraph diff. Every paragraph of the old version appears in exactly one entry's
 * {@code fromIndexes}, every paragraph of the new one in exactly one entry's {@code toIndexes}.
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
 * @param fromText    the old text of the entry, exactly as in the old body (for several paragraphs, the
 *                    slice from the first to the last); null for INSERTED
 * @param toText      the new text; null for DELETED
 * @param changes     word-level runs from {@code fromText} to {@code toText}; empty for UNCHANGED with
 *                    identical text
 */
public record ParagraphChange(ParagraphOp op, Integer fromIndex, Integer toIndex, List<Integer> fromIndexes,
                              List<Integer> toIndexes, double similarity, ChangeClass changeClass, boolean modified,
                              Span fromSpan, Span toSpan, String fromText, String toText, List<WordChange> changes) {
    public ParagraphChange {
        fromIndexes = List.copyOf(fromIndexes);
        toIndexes = List.copyOf(toIndexes);
        changes = List.copyOf(changes);
    }
}
