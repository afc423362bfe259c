package io.redline.api;

import java.util.List;

/** Why two stored articles do or do not match: {@code GET /articles/{a}/similar/{b}}. */
public record PairView(String a, String b, String classification, String reason, double estimatedJaccard, double jaccard,
                       double containmentAInB, double containmentBInA, double paragraphCoverage,
                       int bandsCollided, int bands, int sharedParagraphs, int onlyInA, int onlyInB,
                       EvidenceView evidence, List<SharedParagraphView> shared) {
}
