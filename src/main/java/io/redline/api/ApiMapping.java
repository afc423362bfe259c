package io.redline.api;

import io.redline.detect.Match;
import io.redline.match.Comparison;
import io.redline.match.FactChanges;
import io.redline.match.SharedParagraph;
import io.redline.store.VersionRow;

import java.time.Instant;
import java.util.List;

/** Turns stored rows and comparisons into the API's JSON records. */
public final class ApiMapping {
    private ApiMapping() {
    }

    public static MatchView match(Match m) {
        Comparison c = m.comparison();
        return new MatchView(m.article().articleId(), m.article().storyId(), m.article().title(),
                m.classification().name(), m.verdict().reason(), round(c.jaccard()), round(c.containmentAInB()),
                round(c.containmentBInA()), round(c.paragraphCoverage()), evidence(c), shared(c.shared()),
                m.article().source(), m.article().url(), instant(m.article().publishedAt()));
    }

    public static EvidenceView evidence(Comparison c) {
        FactChanges f = c.changes();
        return new EvidenceView(c.shared().size(), c.onlyInA(), c.onlyInB(), round(c.paragraphOverlap()),
                f.paragraphs(), f.words(), f.facts(), f.numbers(), f.names(), f.years(), f.renamed());
    }

    public static List<MatchView> matches(List<Match> matches) {
        return matches.stream().map(ApiMapping::match).toList();
    }

    public static List<SharedParagraphView> shared(List<SharedParagraph> shared) {
        return shared.stream().map(s -> new SharedParagraphView(s.index(), s.matchIndex(), s.similarity(), s.exact())).toList();
    }

    public static ArticleView article(VersionRow v) {
        return new ArticleView(v.articleId(), v.version(), v.storyId(), v.title(), v.body(), instant(v.publishedAt()),
                v.url(), v.source(), Instant.ofEpochMilli(v.ingestedAt()));
    }

    public static StoryVersionView storyVersion(VersionRow v) {
        return new StoryVersionView(v.articleId(), v.version(), v.title(), instant(v.publishedAt()),
                Instant.ofEpochMilli(v.ingestedAt()), v.url(), v.source());
    }

    public static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    public static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
