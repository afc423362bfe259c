package io.redline.api;

import java.util.List;

/**
 * A stored article that resembles the text: {@code jaccard} and {@code containment} (the share of the text's
 * shingles found in the match) are exact; {@code matchContainment} is the share of the match found in the text.
 */
public record MatchView(String id, long storyId, String title, String classification, double jaccard,
                        double containment, double matchContainment, double paragraphCoverage,
                        List<SharedParagraphView> sharedParagraphs) {
}
