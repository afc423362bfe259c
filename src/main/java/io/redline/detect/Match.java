package io.redline.detect;

import io.redline.match.Classification;
import io.redline.match.Comparison;
import io.redline.match.Verdict;
import io.redline.store.VersionRow;

/** A stored article compared exactly with a text, and what the comparison means. */
public record Match(VersionRow article, Comparison comparison, Verdict verdict, int bandsCollided,
                   double estimatedJaccard) {

    /** The same comparison, with the article's current story and the bands shared in a later look-up. */
    public Match withStory(long storyId, int bands) {
        VersionRow a = article;
        return new Match(new VersionRow(a.articleId(), a.version(), storyId, a.title(), a.body(), a.publishedAt(),
                a.url(), a.source(), a.ingestedAt(), a.contentHash(), a.signatureVersion(), a.signature(),
                a.shingles(), a.lineage()), comparison, verdict, bands, estimatedJaccard);
    }

    /**
     * The same comparison, no longer of the same story: its story holds a version of which the text is a next
     * edition ({@code editionOf}).
     */
    public Match inStoryOfEdition(String editionOf) {
        return new Match(article, comparison, new Verdict(Classification.TEMPLATE,
                "its story holds " + editionOf + ", of which this is a next edition", true), bandsCollided,
                estimatedJaccard);
    }

    public Classification classification() {
        return verdict.relation();
    }

    /** Whether the text belongs to this article's story. */
    public boolean sameStory() {
        return verdict.relation().sameStory();
    }
}
