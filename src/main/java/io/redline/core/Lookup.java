package io.redline.core;

import io.redline.match.Classification;

import java.util.List;

/** What the store holds that resembles a text: the matches best first and the overall verdict. */
public record Lookup(Classification classification, List<Match> matches, int candidates, int oversizedBuckets) {
}
