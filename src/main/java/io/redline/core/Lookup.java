package io.redline.core;

import io.redline.match.Classification;

import java.util.List;
import java.util.Map;

/**
 * What the store holds that resembles a text: the matches best first and the overall verdict; {@code compared}
 * holds every candidate compared, by index entry, for a later look-up to reuse.
 */
public record Lookup(Classification classification, List<Match> matches, int candidates, int oversizedBuckets,
                     Map<Integer, Match> compared) {
}
