package io.redline.read;

import io.redline.api.ApiMapping;
import io.redline.api.BlameView;
import io.redline.api.DiffRequest;
import io.redline.api.DiffViews;
import io.redline.api.TimelineView;
import io.redline.api.VersionRef;
import io.redline.budget.Deadline;
import io.redline.diff.DiffOptions;
import io.redline.diff.ParagraphDiffer;
import io.redline.diff.StoryHistory;
import io.redline.diff.TextDiff;
import io.redline.ingest.InputLimits;
import io.redline.ingest.InvalidInputException;
import io.redline.store.ArticleStore;
import io.redline.store.Lineage;
import io.redline.store.VersionRow;
import io.redline.text.Paragraphs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Diffs between versions and the evolution of stories: time lines, diffs between any two steps, and blame.
 * Read-only and thread-safe.
 */
public final class VersionHistory {
    private final ArticleStore store;
    private final InputLimits limits;
    private final ParagraphDiffer differ;
    private final StoryHistory history;
    private final TimelineCache cache;

    public VersionHistory(ArticleStore store, InputLimits limits, DiffOptions options) {
        this(store, limits, options, new TimelineCache(TimelineCache.DEFAULT_MAX_BYTES));
    }

    /** @param cache what time lines computed is kept in; {@code new TimelineCache(0)} keeps nothing */
    public VersionHistory(ArticleStore store, InputLimits limits, DiffOptions options, TimelineCache cache) {
        this.store = store;
        this.limits = limits;
        this.differ = new ParagraphDiffer(options);
        this.history = new StoryHistory(options);
        this.cache = cache;
    }

    /** Both sides of a diff as stored versions, with the diff. */
    public record VersionDiff(VersionRow from, VersionRow to, TextDiff diff) {
    }

    /** Diff of two texts that are not stored. */
    public TextDiff diff(DiffRequest request) {
        if (request == null || request.from() == null || request.to() == null) {
            throw InvalidInputException.invalid(request == null || request.from() == null ? "from" : "to",
                    "request needs {\"from\": {\"title\"?, \"body\"}, \"to\": {\"title\"?, \"body\"}}");
        }
        checkSide("from", request.from());
        checkSide("to", request.to());
        return differ.compare(request.from().title(), request.from().body(), request.to().title(), request.to().body());
    }

    private void checkSide(String side, DiffRequest.Text text) {
        try {
            limits.checkText(text.title(), text.body());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.problem(), side + "." + e.field(), side + ": " + e.getMessage());
        }
    }

    /** The given version of an article, or its latest when {@code version} is null. */
    public Optional<VersionRow> version(String articleId, Integer version) {
        if (!InputLimits.couldBeStored(articleId)) {
            return Optional.empty();
        }
        return store.read(dao -> version == null ? dao.latestVersion(articleId) : dao.version(articleId, version));
    }

    public TextDiff diff(VersionRow from, VersionRow to) {
        return differ.compare(from.title(), from.body(), to.title(), to.body());
    }

    /**
     * The story's versions in publication order; empty when there is no such story. Refused ({@code
     * limits.historyChars}) when their text is too much to hold at once.
     */
    public Optional<List<VersionRow>> chain(long storyId) {
        List<VersionRow> rows = store.read(dao -> {
            limits.checkHistory(dao.storyTextChars(storyId), "story " + storyId);
            return dao.storyVersions(storyId);
        });
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows);
    }

    public Optional<TimelineView> timeline(long storyId) {
        return chain(storyId).map(chain -> {
            StoryLineage lineage = StoryLineage.of(chain);
            List<TimelineCache.StepChange> changes = cache.steps(storyId, chain, k -> change(chain, k));
            StoryHistory.History latest = latestHistory(storyId, chain, lineage);
            Map<String, Long> outsideStories = outsideParents(chain, lineage);
            List<TimelineView.Step> steps = new ArrayList<>();
            for (int k = 0; k < chain.size(); k++) {
                VersionRow v = chain.get(k);
                TimelineCache.StepChange c = changes.get(k);
                Lineage l = v.lineage();
                OptionalInt parent = lineage.parentStep(k + 1);
                TimelineView.DerivedFrom from = l.isNone() ? null : new TimelineView.DerivedFrom(l.parentArticle(),
                        l.parentVersion(), parent.isPresent() ? parent.getAsInt() : null);
                TimelineView.Reuses reuses = l.isNone() || parent.isPresent() ? null : new TimelineView.Reuses(
                        l.parentArticle(), l.parentVersion(), outsideStories.get(l.parentArticle()));
                steps.add(new TimelineView.Step(k + 1, v.articleId(), v.version(), v.title(),
                        ApiMapping.instant(v.publishedAt()), Instant.ofEpochMilli(v.ingestedAt()),
                        c.words(), c.paragraphs(), c.titleChanged(), c.similarity(), DiffViews.summary(c.summary()),
                        k == 0 ? null : "/stories/" + storyId + "/diff?from=" + k + "&to=" + (k + 1),
                        from, l.relation(), reuses, v.source(), v.url()));
            }
            // the latest version's paragraphs along its lineage, as blame reads its sentences
            List<Integer> path = lineage.path(chain.size());
            List<TimelineView.ParagraphRewrites> paragraphs = latest.paragraphs().stream()
                    .map(p -> new TimelineView.ParagraphRewrites(p.index(), path.get(p.firstStep() - 1), p.rewrites()))
                    .toList();
            VersionRow last = chain.get(chain.size() - 1);
            Instant first = chain.stream().map(v -> Instant.ofEpochMilli(v.ingestedAt())).min(Instant::compareTo).orElseThrow();
            Instant lastSeen = chain.stream().map(v -> Instant.ofEpochMilli(v.ingestedAt())).max(Instant::compareTo).orElseThrow();
            return new TimelineView(storyId, last.title(), first, lastSeen, steps, paragraphs);
        });
    }

    /** The diff of step {@code k} (0-based) with the one before (none for the first), and its size. */
    private TimelineCache.StepChange change(List<VersionRow> chain, int k) {
        Deadline.check();
        VersionRow v = chain.get(k);
        TextDiff d = k == 0 ? null : diff(chain.get(k - 1), v);
        return new TimelineCache.StepChange(d == null ? null : d.title().changed(), d == null ? null : d.similarity(),
                d == null ? null : d.summary(), ParagraphDiffer.wordCount(v.body()), Paragraphs.split(v.body()).size());
    }

    /** The history of the chain's latest version along its lineage, which the time line and blame both show. */
    private StoryHistory.History latestHistory(long storyId, List<VersionRow> chain, StoryLineage lineage) {
        return cache.latest(storyId, chain, () -> along(chain, lineage.path(chain.size())));
    }

    /**
     * Resolves a step of a story's chain: a 1-based step number, {@code articleId:version}, or an article id
     * (its latest version in the story).
     */
    public static Optional<Integer> step(List<VersionRow> chain, String ref) {
        if (ref.matches("\\d{1,9}")) {
            int step = Integer.parseInt(ref);
            return step >= 1 && step <= chain.size() ? Optional.of(step) : Optional.empty();
        }
        int colon = ref.lastIndexOf(':');
        String article = colon < 0 ? ref : ref.substring(0, colon);
        Integer version = null;
        if (colon >= 0) {
            try {
                version = Integer.parseInt(ref.substring(colon + 1));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        int found = -1;
        for (int k = 0; k < chain.size(); k++) {
            VersionRow v = chain.get(k);
            if (v.articleId().equals(article) && (version == null || v.version() == version)) {
                found = k;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(found + 1);
    }

    /** The stories of parents that are not in the chain's story, by article id; deleted ones are left out. */
    private Map<String, Long> outsideParents(List<VersionRow> chain, StoryLineage lineage) {
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < chain.size(); k++) {
            Lineage l = chain.get(k).lineage();
            if (!l.isNone() && lineage.parentStep(k + 1).isEmpty()) {
                ids.add(l.parentArticle());
            }
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> stories = new HashMap<>();
        store.lookups(reads -> reads.articles(ids)).forEach(a -> stories.put(a.id(), a.storyId()));
        return stories;
    }

    /**
     * Blame of one step, following its lineage from the root (see {@link StoryLineage#path}): a sentence an
     * earlier branch already had is credited to that branch, not to a version published in between.
     */
    public BlameView blame(long storyId, List<VersionRow> chain, int step) {
        StoryLineage lineage = StoryLineage.of(chain);
        List<Integer> path = lineage.path(step);
        StoryHistory.History h = step == chain.size() ? latestHistory(storyId, chain, lineage) : along(chain, path);
        // positions along the path back to the story's steps
        List<VersionRef> steps = path.stream().map(s -> ref(chain.get(s - 1), s)).toList();
        List<BlameView.Sentence> sentences = h.sentences().stream()
                .map(s -> new BlameView.Sentence(s.paragraph(), s.start(), s.end(), s.text(),
                        path.get(s.firstStep() - 1), path.get(s.lastChangedStep() - 1)))
                .toList();
        return new BlameView(storyId, steps.get(steps.size() - 1), steps, sentences);
    }

    /** The history of the chain's versions at {@code path} (1-based steps), in that order. */
    private StoryHistory.History along(List<VersionRow> chain, List<Integer> path) {
        return history.follow(path.stream().map(s -> chain.get(s - 1).body()).toList());
    }

    public static VersionRef ref(VersionRow v, Integer step) {
        return new VersionRef(v.articleId(), v.version(), step, v.title(), v.source(), v.url(),
                ApiMapping.instant(v.publishedAt()), Instant.ofEpochMilli(v.ingestedAt()));
    }

}
