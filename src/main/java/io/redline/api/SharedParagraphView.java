package io.redline.api;

/** A paragraph of the checked text ({@code index}) that reappears in the match ({@code matchIndex}). */
public record SharedParagraphView(int index, int matchIndex, double similarity, boolean exact) {
}
