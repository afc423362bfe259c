package io.redline.read;

import io.redline.api.ApiMapping;
import io.redline.api.ArticleView;
import io.redline.api.StatsView;
import io.redline.api.StoryPage;
import io.redline.api.StorySummary;
import io.redline.api.StoryVersionView;
import io.redline.api.StoryView;
import io.redline.detect.Detector;
import io.redline.ingest.InputLimits;
import io.redline.ingest.InvalidInputException;
import io.redline.match.Classifier;
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

/** The store as it is: articles and their versions, stories (one, or a page of them) and statistics. Thread-safe. */
public final class Catalog {
    private static final int MAX_QUERY = 500;
    private final Detector detector;
    private final ArticleStore store;
    private final InputLimits limits;

    public Catalog(Detector detector, ArticleStore store, InputLimits limits) {
        this.detector = detector;
        this.store = store;
        this.limits = limits;
    }

    public Optional<ArticleView> article(String id) {
        if (!InputLimits.couldBeStored(id)) {
            return Optional.empty();
        }
        return store.read(dao -> dao.latestVersion(id)).map(ApiMapping::article);
    }

    public Optional<List<ArticleView>> versions(String id) {
        if (!InputLimits.couldBeStored(id)) {
            return Optional.empty();
        }
        List<VersionRow> rows = store.read(dao -> {
            limits.checkHistory(dao.articleTextChars(id), "article " + id);
            return dao.versions(id);
        });
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.stream().map(ApiMapping::article).toList());
    }

    public Optional<StoryView> story(long id) {
        return store.read(dao -> dao.story(id).map(story -> {
            List<VersionRow> rows = dao.storyVersionsWithoutText(id);
            List<StoryVersionView> versions = rows.stream().map(ApiMapping::storyVersion).toList();
            List<String> articles = rows.stream().map(VersionRow::articleId).distinct().toList();
            List<StoryView.MergeView> merges = dao.mergesInto(id).stream()
                    .map(m -> new StoryView.MergeView(m.mergedId(), m.articleId(), Instant.ofEpochMilli(m.mergedAt())))
                    .toList();
            return new StoryView(story.id(), headline(rows), Instant.ofEpochMilli(story.createdAt()),
                    Instant.ofEpochMilli(story.updatedAt()), articles, versions, merges);
        }));
    }

    /**
     * A page of stories, most recently updated first; with {@code query}, only those with an article whose id,
     * headline or source contains it; with {@code minVersions} above 1, only those with that many versions.
     */
    public StoryPage stories(int page, int size, String query, int minVersions) {
        if (query != null && (query.length() > MAX_QUERY || !InputLimits.storable(query))) {
            throw InvalidInputException.malformed("q", "q must be at most " + MAX_QUERY
                    + " characters, without NUL or unpaired surrogates");
        }
        boolean filtered = (query != null && !query.isBlank()) || minVersions > 1;
        String pattern = query == null || query.isBlank() ? "%"
                : "%" + query.strip().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return store.read(dao -> {
            long offset = (long) page * size;
            List<StoryRow> rows = filtered ? dao.searchStories(pattern, minVersions, size, offset) : dao.stories(size, offset);
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
                Instant published = articles.stream().map(StoryArticleRow::publishedAt).filter(java.util.Objects::nonNull)
                        .max(Long::compare).map(Instant::ofEpochMilli).orElse(null);
                summaries.add(new StorySummary(s.id(), headline, articles.size(), versions,
                        Instant.ofEpochMilli(s.createdAt()), Instant.ofEpochMilli(s.updatedAt()), published));
            }
            return new StoryPage(page, size, filtered ? dao.countSearchedStories(pattern, minVersions) : dao.countStories(),
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
