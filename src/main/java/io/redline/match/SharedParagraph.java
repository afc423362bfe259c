package io.redline.match;

/**
 * A paragraph of one text ({@code index}) that reappears in the other ({@code matchIndex}), with the share
 * of its word pairs found there; {@code exact} when the two are equal after normalisation.
 */
public record SharedParagraph(int index, int matchIndex, double similarity, boolean exact) {
}
