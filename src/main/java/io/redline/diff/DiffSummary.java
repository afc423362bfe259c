package io.redline.diff;

/**
 * Counts of a diff: paragraph entries by op (a MOVED entry counts as moved, whether or not its text
 * changed; SPLIT and MERGED count as modified) and the words added and removed inside them.
 */
public record DiffSummary(int unchanged, int modified, int moved, int inserted, int deleted, int split, int merged,
                          int wordsAdded, int wordsRemoved) {
}
