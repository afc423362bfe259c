package io.redline.diff;

/**
 * Counts of a diff: paragraph entries by op (a MOVED entry counts as moved, whether or not its text
 * changed) and the words added and removed inside them. Case, white space and quote style changes of a
 * paragraph that is otherwise the same add and remove no words.
 */
public record DiffSummary(int unchanged, int modified, int moved, int inserted, int deleted, int split, int merged,
                          int wordsAdded, int wordsRemoved) {
}
