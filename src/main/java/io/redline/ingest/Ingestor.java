package io.redline.ingest;

import com.codahale.metrics.Timer;
import io.redline.api.ApiMapping;
import io.redline.api.ArticleRequest;
import io.redline.api.IngestResponse;
import io.redline.api.MatchView;
import io.redline.api.SpanView;
import io.redline.budget.Deadline;
import io.redline.cluster.StoryAssigner;
import io.redline.cluster.StoryDecision;
import io.redline.detect.Detector;
import io.redline.detect.Lookup;
import io.redline.detect.Match;
import io.redline.index.PendingEntries;
import io.redline.match.Classification;
import io.redline.minhash.Fingerprint;
import io.redline.store.ArticleStore;
import io.redline.store.StoryPlacement;
import io.redline.store.Lineage;
import io.redline.store.VersionHead;
import io.redline.store.VersionRow;
import io.redline.store.Writes;
import io.redline.text.TextNormalizer;
import io.redline.watch.Outbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stores articles in two steps. {@link #prepare} needs no lock and runs in parallel on the calling threads:
 * check the input, fingerprint, and compare the candidates the index holds at that moment. {@link #commit}
 * runs one article at a time inside this process ({@link #commitAll}: many in one transaction, each as if
 * alone): it reads the article's previous version, checks whether the prepared look-up still holds (the same
 * index entries found, no story merged since) and looks up again only if not — reusing the prepared comparisons,
 * so only what was stored in between is read and compared — then decides the story and writes. The story an article
 * lands in therefore depends only on the order of the commits, never on how threads interleave. Thread-safe.
 */
public final class Ingestor {
    /** Least share of the article's words in paragraphs of a story for that story to be merged in. */
    static final double MERGE_COVERAGE = 0.6;

    private final Detector detector;
    private final ArticleStore store;
    private final InputLimits limits;
    private final Clock clock;
    private final Timer timer;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    public Ingestor(Detector detector, ArticleStore store, InputLimits limits, Clock clock, Timer timer) {
        this.detector = detector;
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.timer = timer;
    }

    /** Stores one article. */
    public IngestResponse ingest(ArticleRequest request) {
        return commit(prepare(request), MatchDetail.PAIRS);
    }

    /** How much of each match an answer carries. */
    public enum MatchDetail {
        /** The shared paragraphs with their similarity and sentences, as the diff reads them (one word diff each). */
        PAIRS,
        /** The relation and figures only: for callers that read no paragraph (bulk lines, the evaluation). */
        RELATION
    }

    /**
     * The lock-free part of storing {@code request}.
     *
     * @throws InvalidInputException if the article is not acceptable
     */
    public Prepared prepare(ArticleRequest request) {
        limits.checkArticle(request);
        String title = request.title() == null ? "" : request.title();
        Fingerprint fingerprint = detector.fingerprint(request.body());
        Lookup early = detector.lookup(fingerprint, publishedAt(request), request.id());
        return new Prepared(request, title, fingerprint, contentHash(title, request.body()), early);
    }

    /**
     * Stores a prepared article; articles are stored one at a time, in the order of the calls. Timed as
     * {@code redline.ingest}, from every entry point (single, bulk, load command).
     */
    public IngestResponse commit(Prepared prepared) {
        return commit(prepared, MatchDetail.RELATION);
    }

    /** As {@link #commit(Prepared)}, with matches carrying {@code detail}. */
    public IngestResponse commit(Prepared prepared, MatchDetail detail) {
        writeLock.lock();
        try {
            return store.write(writes -> store(writes, prepared, new PendingEntries(), detail));
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Stores prepared articles in one transaction, in order, each exactly as {@link #commit} would store it after
     * the ones before it: each sees what those wrote, in the store and in the index. An article that fails (its
     * work ran past {@code perArticle}, a statement failed) is undone alone; if the transaction does not commit,
     * none is stored. Nothing is acknowledged before the commit, so nothing acknowledged can be lost.
     *
     * @return each article's response or failure, in order
     */
    public List<ArticleStore.Attempt<IngestResponse>> commitAll(List<Prepared> batch, Duration perArticle) {
        writeLock.lock();
        try {
            return store.eachInOneTransaction(batch, PendingEntries::new,
                    (writes, pending, prepared) -> Deadline.within(perArticle, () -> store(writes, prepared, pending, MatchDetail.RELATION)));
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Stores one article inside the caller's transaction, whose index entries so far are {@code pending}; adds
     * its own entry there last, once nothing more can fail.
     */
    private IngestResponse store(Writes writes, Prepared prepared, PendingEntries pending, MatchDetail detail) {
        ArticleRequest request = prepared.request();
        Fingerprint fingerprint = prepared.fingerprint();
        try (Timer.Context ignored = timer.time()) {
            Optional<VersionHead> previous = writes.latestHead(request.id());
            Lookup lookup = detector.lookup(fingerprint, publishedAt(request), request.id(), writes.lookups(), prepared.early(),
                    pending, writes.merges());
            if (previous.isPresent() && previous.get().contentHash().equals(prepared.contentHash())) {
                VersionHead p = previous.get();
                return new IngestResponse(p.articleId(), p.version(), p.storyId(), "UNCHANGED",
                        Classification.DUPLICATE.name(), matches(prepared, lookup, detail), List.of(),
                        paragraphs(prepared, detail));
            }
            List<StoryAssigner.Link> links = lookup.matches().stream().filter(Match::sameStory)
                    .map(m -> new StoryAssigner.Link(m.article().storyId(), strong(m))).toList();
            OptionalLong ownStory = previous.map(p -> OptionalLong.of(p.storyId())).orElse(OptionalLong.empty());
            StoryDecision decision = StoryAssigner.decide(ownStory, links);
            int version = previous.map(p -> p.version() + 1).orElse(1);
            long now = clock.millis();
            VersionRow row = new VersionRow(request.id(), version, 0, prepared.title(), request.body(),
                    publishedAt(request), request.url(), request.source(), now, prepared.contentHash(), detector.indexVersion(),
                    null, null,
                    previous.map(Lineage::updateOf).orElseGet(() -> derivation(lookup)));
            long[] keys = detector.bucketKeys(fingerprint);
            ArticleStore.Saved saved = ArticleStore.saveVersion(writes, row, keys,
                    new StoryPlacement(decision.target(), decision.merged()), now);
            detector.stored(row, fingerprint);
            pending.apply(saved.entry(), saved.replaced(), keys);
            // an article updated under its own id is always the same article
            Classification verdict = previous.isPresent() && !lookup.classification().sameStory()
                    ? Classification.REVISION : lookup.classification();
            String status = previous.isPresent() ? "UPDATED" : "CREATED";
            Outbox.record(writes, new Outbox.NewVersion(request.id(), version, saved.storyId(), status, verdict.name(),
                    request.source(), now));
            return new IngestResponse(request.id(), version, saved.storyId(), status, verdict.name(),
                    matches(prepared, lookup, detail), decision.merged(), paragraphs(prepared, detail));
        }
    }

    /** The body's paragraph spans, which the shared paragraphs of the matches count; only with them. */
    private static List<SpanView> paragraphs(Prepared prepared, MatchDetail detail) {
        return detail == MatchDetail.PAIRS ? ApiMapping.paragraphs(prepared.request().body()) : null;
    }

    private static List<MatchView> matches(Prepared prepared, Lookup lookup, MatchDetail detail) {
        return detail == MatchDetail.PAIRS ? ApiMapping.matches(prepared.request().body(), lookup.matches())
                : ApiMapping.relations(lookup.matches());
    }

    /**
     * Whether a match is strong enough to merge its story with the one the article joins ({@link StoryAssigner}):
     * a duplicate or revision of which the article is mostly made. An article mostly made of each of two
     * stories shows that they share text themselves: a split story healing. A round-up made half of one story
     * and half of another is a bridge, and merges nothing.
     */
    static boolean strong(Match m) {
        return (m.classification() == Classification.DUPLICATE || m.classification() == Classification.REVISION)
                && m.comparison().coverageA() >= MERGE_COVERAGE;
    }

    /**
     * What a new article derives from: its best same-story match, which lies in the story it joins; else the
     * text it reuses in another story; else nothing.
     */
    private static Lineage derivation(Lookup lookup) {
        if (lookup.matches().isEmpty()) {
            return Lineage.NONE;
        }
        Match best = lookup.matches().get(0);
        Classification relation = best.classification();
        return relation.sameStory() || relation == Classification.TEMPLATE
                ? new Lineage(best.article().articleId(), best.article().version(), relation.name()) : Lineage.NONE;
    }

    private static Long publishedAt(ArticleRequest request) {
        return request.publishedAt() == null ? null : request.publishedAt().toEpochMilli();
    }

    /**
     * An article checked, fingerprinted and compared with what the index held then, ready for {@link #commit}; its
     * signature and shingle set already as the bytes stored, made here on the preparing threads rather than on the
     * one committing thread.
     */
    public record Prepared(ArticleRequest request, String title, Fingerprint fingerprint, String contentHash,
                           Lookup early) {
    }

    public boolean delete(String articleId) {
        if (!InputLimits.couldBeStored(articleId)) {
            return false;
        }
        writeLock.lock();
        try {
            return store.delete(articleId);
        } finally {
            writeLock.unlock();
        }
    }

    /** Same for texts that differ only in case, whitespace, quote and dash style or Unicode form. */
    public static String contentHash(String title, String body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(TextNormalizer.normalizedUtf8(title));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(TextNormalizer.normalizedUtf8(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
