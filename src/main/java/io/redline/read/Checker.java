package io.redline.read;

import com.codahale.metrics.Timer;
import io.redline.api.ApiMapping;
import io.redline.api.CheckResponse;
import io.redline.api.PairView;
import io.redline.api.SharedParagraphReader;
import io.redline.detect.Detector;
import io.redline.detect.Lookup;
import io.redline.detect.Match;
import io.redline.ingest.InputLimits;
import io.redline.minhash.Fingerprint;
import io.redline.store.ArticleStore;
import io.redline.store.VersionRow;

import java.time.Instant;
import java.util.Optional;

/** Checks a text against the store, storing nothing, and explains why two stored articles match or not. Thread-safe. */
public final class Checker {
    private final Detector detector;
    private final ArticleStore store;
    private final InputLimits limits;
    private final Timer checkTimer;

    public Checker(Detector detector, ArticleStore store, InputLimits limits, Timer checkTimer) {
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
            return new CheckResponse(lookup.classification().name(), ApiMapping.matches(body, lookup.matches()),
                    lookup.candidates().size(), lookup.oversizedBuckets(), ApiMapping.paragraphs(body));
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
                ApiMapping.round(m.estimatedJaccard()),
                ApiMapping.round(c.jaccard()), ApiMapping.round(c.containmentAInB()), ApiMapping.round(c.containmentBInA()),
                ApiMapping.round(c.paragraphCoverage()), m.bandsCollided(), detector.bands().parameters().bands(),
                c.shared().size(), c.onlyInA(), c.onlyInB(), ApiMapping.evidence(c),
                new SharedParagraphReader(ra.get().body()).shared(c.shared(), rb.get().body())));
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
}
