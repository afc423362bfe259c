package io.redline.api;

import io.redline.detect.Match;
import io.redline.match.Comparison;
import io.redline.match.FactChanges;
import io.redline.store.VersionRow;
import io.redline.text.Paragraphs;

import java.time.Instant;
import java.util.List;

/** Turns stored rows and comparisons into the API's JSON records. */
public final class ApiMapping {
    private ApiMapping() {
    }

    /** A match, its shared paragraphs read by {@code shared} (null: without them). */
    private static MatchView match(Match m, SharedParagraphReader shared) {
        Comparison c = m.comparison();
        return new MatchView(m.article().articleId(), m.article().storyId(), m.article().title(),
                m.classification().name(), m.verdict().reason(), round(c.jaccard()), round(c.containmentAInB()),
                round(c.containmentBInA()), round(c.paragraphCoverage()), evidence(c),
                shared == null ? List.of() : shared.shared(c.shared(), m.article().body()),
                m.article().source(), m.article().url(), instant(m.article().publishedAt()));
    }

    public static EvidenceView evidence(Comparison c) {
        FactChanges f = c.changes();
        return new EvidenceView(c.shared().size(), c.onlyInA(), c.onlyInB(), round(c.paragraphOverlap()),
                f.paragraphs(), f.words(), f.facts(), f.numbers(), f.names(), f.years(), f.renamed());
    }

    /** The matches of {@code body} (the text looked up), with their shared paragraphs. */
    public static List<MatchView> matches(String body, List<Match> matches) {
        SharedParagraphReader shared = new SharedParagraphReader(body);
        return matches.stream().map(m -> match(m, shared)).toList();
    }

    /** The matches without their shared paragraphs, for answers that report only the relation (bulk lines). */
    public static List<MatchView> relations(List<Match> matches) {
        return matches.stream().map(m -> match(m, null)).toList();
    }

    public static ArticleView article(VersionRow v) {
        return new ArticleView(v.articleId(), v.version(), v.storyId(), v.title(), v.body(), instant(v.publishedAt()),
                v.url(), v.source(), Instant.ofEpochMilli(v.ingestedAt()), paragraphs(v.body()));
    }

    /**
     * The body's paragraphs as {@link Paragraphs#split} finds them, as character offsets: a view cuts the body at
     * these rather than splitting it by rules of its own. Example: {@code "a\r\nb\r\n\r\nc"} → [0, 4), [8, 9).
     */
    public static List<SpanView> paragraphs(String body) {
        return Paragraphs.split(body).stream().map(p -> new SpanView(p.start(), p.end())).toList();
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
