package io.redline.api;

import java.util.List;

/**
 * A paragraph of the checked text ({@code index}) that reappears in the match ({@code matchIndex}), both
 * counted as {@code Paragraphs.split} counts them. {@code similarity} is the diff's for the same pair (see
 * {@code io.redline.diff.ParagraphPair}); {@code sentences} are the spans of the paragraph's sentences found in
 * the counterpart, {@code matchSentences} those of the counterpart found in it, as character offsets into each
 * paragraph's (trimmed) text: what a view underlines.
 */
public record SharedParagraphView(int index, int matchIndex, double similarity, boolean exact, List<SpanView> sentences,
                                  List<SpanView> matchSentences) {
}
