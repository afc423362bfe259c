package io.redline.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Counts of a diff: paragraph entries by op (a MOVED entry counts as moved, whether or not its text changed)
 * and the words added and removed inside them. Published as {@code DiffSummary}.
 */
@Schema(name = "DiffSummary")
public record DiffSummaryView(int unchanged, int modified, int moved, int inserted, int deleted, int split,
                              int merged, int wordsAdded, int wordsRemoved) {
}
