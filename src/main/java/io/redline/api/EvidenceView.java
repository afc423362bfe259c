package io.redline.api;

/**
 * What a relation rests on: paragraphs shared by the two texts and those only in one, and what changed in the
 * shared paragraphs that were reworded — words, and facts (numbers and dates, names, years).
 * {@code renamedParagraphs} counts reworded paragraphs in which a name or a year gave way to another.
 */
public record EvidenceView(int sharedParagraphs, int onlyHere, int onlyThere, double paragraphOverlap,
                           int rewordedParagraphs, int wordChanges, int factChanges, int numberChanges,
                           int nameChanges, int yearChanges, int renamedParagraphs) {
}
