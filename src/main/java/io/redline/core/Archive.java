package io.redline.core;

import com.codahale.metrics.Timer;
import io.redline.api.ArticleView;
import io.redline.api.CheckResponse;
import io.redline.api.PairView;
import io.redline.api.StatsView;
import io.redline.api.StoryPage;
import io.redline.api.StorySummary;
import io.redline.api.StoryVersionView;
import io.redline.api.StoryView;
import io.redline.match.Classifier;
import io.redline.minhash.Fingerprint;
import io.redline.minhash.LshParameters;
import io.redline.store.ArticleStore;
import io.redline.store.StoryArticleRow;
import io.redline.store.StoryRow;
import io.redline.store.VersionRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Read side: checks that store nothing, pair explanations, articles, stories and statistics. Thread-safe. */
public final class Archive {
    private static final int MAX_QUERY = 500;
    private final Detector detector;
    private final ArticleStore store;
    private final InputLimits limits;
    private final Timer checkTimer;

    public Archive(Detector detector, ArticleStore store, InputLimits limits, Timer checkTimer) {
        this.detector = detector;
        this.store = store;
        this.limits = limits;
        this.checkTimer = checkTimer;
    }

    /** What the store holds that resembles the text, timed as {@code redline.check}; stores nothing. */
    public CheckResponse check(String title, String body, Instant publishedAt) {
        try (Timer.Context ignored = checkTimer.time()) {
            limits.checkText(title, body);
            limits.checkPublished(publishedAt);
            Lookup lookup = detector.lookup(detector.fingerprint(body),
                    publishedAt == null ? null : publishedAt.toEpochMilli(), null);
            return new CheckResponse(lookup.classification().name(), Views.matches(lookup.matches()),
                    lookup.candidates(), lookup.oversizedBuckets());
        }
    }

    public Optional<PairView> explain(String a, String b) {
        if (!InputLimits.couldBeStored(a) || !InputLimits.couldBeStored(b)) {
            return Optional.empty();
        }
        Optional<VersionRow> ra = store.read(dao -> dao.latestVersion(a));
        Optional<VersionRow> rb = store.read(dao -> dao.latestVersion(b));
        if (ra.isEmpty() || rb.isEmpty()) {
            return Optional.empty();
        }
        Fingerprint fa = detector.storedFingerprint(ra.get());
        Fingerprint fb = detector.storedFingerprint(rb.get());
        Match m = detector.compare(fa, ra.get().publishedAt(), fb, rb.get(), detector.bandsCollided(fa, fb));
        var c = m.comparison();
        return Optional.of(new PairView(a, b, m.classification().name(), m.verdict().reason(),
                Views.round(m.estimatedJaccard()),
                Views.round(c.jaccard()), Views.round(c.containmentAInB()), Views.round(c.containmentBInA()),
                Views.round(c.paragraphCoverage()), m.bandsCollided(), detector.bands().parameters().bands(),
                c.shared().size(), c.onlyInA(), c.onlyInB(), Views.evidence(c), Views.shared(c.shared())));
    }

    /** Which of the two articles is missing, for a 404 that names it. */
    public Optional<String> missing(String... ids) {
        for (String id : ids) {
            if (!InputLimits.couldBeStored(id) || store.read(dao -> dao.article(id)).isEmpty()) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    public Optional<ArticleView> article(String id) {
        if (!InputLimits.couldBeStored(id)) {
            return Optional.empty();
        }
        return store.read(dao -> dao.latestVersion(id)).map(Views::article);
    }

    public Optional<List<ArticleView>> versions(String id) {
        if (!InputLimits.couldBeStored(id)) {
            return Optional.empty();
        }
        List<VersionRow> rows = store.read(dao -> dao.versions(id));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.stream().map(Views::article).toList());
    }

    public Optional<StoryView> story(long id) {
        return store.read(dao -> dao.story(id).map(story -> {
            List<VersionRow> rows = dao.storyVersions(id);
            List<StoryVersionView> versions = rows.stream().map(Views::storyVersion).toList();
            List<String> articles = rows.stream().map(VersionRow::articleId).distinct().toList();
            List<StoryView.MergeView> merges = dao.mergesInto(id).stream()
                    .map(m -> new StoryView.MergeView(m.mergedId(), m.articleId(), Instant.ofEpochMilli(m.mergedAt())))
                    .toList();
            return new StoryView(story.id(), headline(rows), Instant.ofEpochMilli(story.createdAt()),
                    Instant.ofEpochMilli(story.updatedAt()), articles, versions, merges);
        }));
    }

    /** A page of stories, most recently updated first; with {@code query}, only those with a matching headline. */
    public StoryPage stories(int page, int size, String query) {
        if (query != null && (query.length() > MAX_QUERY || !InputLimits.storable(query))) {
            throw new InvalidInputException(400, "q", "q must be at most " + MAX_QUERY
                    + " characters, without NUL or unpaired surrogates");
        }
        String pattern = query == null || query.isBlank() ? null
                : "%" + query.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return store.read(dao -> {
            long offset = (long) page * size;
            List<StoryRow> rows = pattern == null ? dao.stories(size, offset) : dao.searchStories(pattern, size, offset);
            Map<Long, List<StoryArticleRow>> byStory = rows.isEmpty() ? Map.of()
                    : dao.storyArticles(rows.stream().map(StoryRow::id).toList()).stream()
                    .collect(Collectors.groupingBy(StoryArticleRow::storyId));
            List<StorySummary> summaries = new ArrayList<>();
            for (StoryRow s : rows) {
                List<StoryArticleRow> articles = byStory.getOrDefault(s.id(), List.of());
                String headline = articles.stream()
                        .max(Comparator.comparingLong(StoryArticleRow::ingestedAt).thenComparing(StoryArticleRow::articleId))
                        .map(StoryArticleRow::title).orElse("");
                int versions = articles.stream().mapToInt(StoryArticleRow::latestVersion).sum();
                summaries.add(new StorySummary(s.id(), headline, articles.size(), versions,
                        Instant.ofEpochMilli(s.createdAt()), Instant.ofEpochMilli(s.updatedAt())));
            }
            return new StoryPage(page, size, pattern == null ? dao.countStories() : dao.countSearchedStories(pattern),
                    summaries);
        });
    }

    public StatsView stats() {
        LshParameters lsh = detector.bands().parameters();
        Classifier c = detector.classifier();
        var version = detector.fingerprinter().version();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        thresholds.put("duplicateJaccard", c.duplicateJaccard());
        thresholds.put("revisionJaccard", c.revisionJaccard());
        thresholds.put("evidenceContainment", c.evidenceContainment());
        thresholds.put("revisionOverlap", c.revisionOverlap());
        thresholds.put("maxRevisionGapDays", (double) c.maxRevisionGap().toDays());
        return store.read(dao -> new StatsView(detector.indexVersion(), version.shingleSize(), version.length(),
                lsh.bands(), lsh.rows(), detector.lshThreshold(), lsh.sCurve(), thresholds, detector.bucketCap(), detector.oversizedBucketsSkipped(),
                detector.index().keys(), detector.index().bytes(), dao.countArticles(), dao.countVersions(), dao.countStories(),
                dao.countStoryMerges()));
    }

    /** The newest version's title: the story's current headline. */
    private static String headline(List<VersionRow> rows) {
        return rows.stream().max(Comparator.comparingLong(VersionRow::ingestedAt)).map(VersionRow::title).orElse("");
    }
}
