package io.redline.core;

import io.redline.match.Classification;
import io.redline.match.Comparison;
import io.redline.store.VersionRow;

/** A stored article compared exactly with a text, and what the comparison means. */
public record Match(VersionRow article, Comparison comparison, Classification classification, int bandsCollided,
                   double estimatedJaccard) {

    public boolean verified() {
        return classification != Classification.NEW;
    }
}
