package io.redline.api;

import java.util.List;

/**
 * Result of {@code POST /check}: the verdict and the matches, best first. {@code paragraphs} are the checked
 * body's paragraphs as the service splits them (character offsets, end exclusive): what a match's
 * {@code sharedParagraphs} count by {@code index}, so that a view shows the paragraphs the service compared.
 */
public record CheckResponse(String classification, List<MatchView> matches, int candidates, int oversizedBuckets,
                            List<SpanView> paragraphs) {
}
