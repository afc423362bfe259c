package io.redline.detect;

import io.redline.index.LshIndex;
import io.redline.match.Classification;
import io.redline.store.CandidateRow;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the store holds that resembles a text: the matches best first and the overall verdict; {@code candidates}
 * the LSH candidates (article id → band keys shared; the text's own article left out), {@code compared} every
 * candidate compared, by index entry, for a later look-up to reuse. {@code hits} (the index entries
 * found) and {@code merges} (story merges committed when the look-up began) are what it rested on besides
 * immutable stored versions: a later look-up of the same text that finds the same entries, with no story merged
 * in between, would give the same answer ({@link #stillHolds}). {@code articles} (index entry → article) and
 * {@code candidateRows} (article → its story and publication time, for the candidates whose rows were read) let a
 * later look-up that finds more read only what is new.
 */
public record Lookup(Classification classification, List<Match> matches, Map<String, Integer> candidates,
                     int oversizedBuckets, Map<Integer, Match> compared, LshIndex.Hits hits, long merges,
                     Map<Integer, String> articles, Map<String, CandidateRow> candidateRows) {

    /**
     * Whether a look-up of the same text that found {@code now} after {@code mergesNow} merges would give this
     * answer: the entries name the same article versions, each the latest of its article (an updated or deleted
     * article's entry dies), and only a merge moves articles between stories.
     */
    boolean stillHolds(LshIndex.Hits now, long mergesNow) {
        return merges == mergesNow && hits.oversized() == now.oversized()
                && Arrays.equals(hits.entries(), now.entries()) && Arrays.equals(hits.sharedKeys(), now.sharedKeys());
    }
}
