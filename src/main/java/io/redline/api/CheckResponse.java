package io.redline.api;

import java.util.List;

/** Result of {@code POST /check}: the verdict and the matches, best first. */
public record CheckResponse(String classification, List<MatchView> matches, int candidates, int oversizedBuckets) {
}
