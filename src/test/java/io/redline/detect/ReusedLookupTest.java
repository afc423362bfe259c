package io.redline.detect;

import com.codahale.metrics.MetricRegistry;
import io.redline.Components;
import io.redline.api.ArticleRequest;
import io.redline.ingest.InputLimits;
import io.redline.index.PendingEntries;
import io.redline.match.Classifier;
import io.redline.match.Comparer;
import io.redline.minhash.Fingerprint;
import io.redline.minhash.Fingerprinter;
import io.redline.minhash.LshBands;
import io.redline.minhash.LshParameters;
import io.redline.minhash.MinHasher;
import io.redline.store.ArticleRow;
import io.redline.store.ArticleStore;
import io.redline.store.CandidateRow;
import io.redline.store.IndexLogRow;
import io.redline.store.IndexedArticle;
import io.redline.store.LookupReads;
import io.redline.store.VersionRow;
import io.redline.testing.NewsCorpusGenerator;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A look-up that reuses an earlier one of the same text (as a commit reuses its article's prepared look-up) gives
 * the answer of a look-up from scratch, and reads only what was stored since: the articles of new index entries,
 * the stories of new candidates, and, with no story merged since, nothing about the candidates it already knew.
 */
class ReusedLookupTest {
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(3, 128, MinHasher.DEFAULT_SEED);

    @Test
    void aReusedLookUpAnswersAsOneFromScratchAndReadsOnlyWhatIsNew() {
        List<NewsCorpusGenerator.Doc> docs = NewsCorpusGenerator.builder().count(160).seed(7)
                .rewording(NewsCorpusGenerator.Rewording.HEAVY).revisionFraction(0.7).build().generate();
        Components c = components();
        docs.subList(0, 100).forEach(d -> ingest(c, d));
        // every later text looked up now, before the 60 that follow it are stored
        List<Lookup> earlier = new ArrayList<>();
        for (NewsCorpusGenerator.Doc d : docs.subList(100, 160)) {
            earlier.add(c.store().lookups(dao -> c.detector().lookup(FINGERPRINTER.fingerprint(d.body()), null, d.id(),
                    dao, null, new PendingEntries(), dao.merges())));
        }

        int reusedMatches = 0;
        int newEntriesRead = 0;
        for (int i = 0; i < 60; i++) {
            NewsCorpusGenerator.Doc d = docs.get(100 + i);
            Fingerprint f = FINGERPRINTER.fingerprint(d.body());
            Lookup before = earlier.get(i);
            Recording reads = new Recording();
            Lookup reused = c.store().lookups(dao -> c.detector().lookup(f, null, d.id(), reads.around(dao), before,
                    new PendingEntries(), dao.merges()));
            Lookup fresh = c.store().lookups(dao -> c.detector().lookup(f, null, d.id(), dao, null,
                    new PendingEntries(), dao.merges()));

            assertThat(summary(reused)).as("text %d", i).isEqualTo(summary(fresh));
            assertThat(reads.entries).as("entries whose article the earlier look-up knew")
                    .noneMatch(e -> before.articles().containsKey(e.intValue()));
            if (reused.merges() == before.merges()) {
                assertThat(reads.articles).as("no merge since: known candidates' stories are not read").isZero();
                for (String id : reads.candidateIds) {
                    boolean known = before.candidateRows().containsKey(id) && before.articles().entrySet().stream()
                            .anyMatch(e -> e.getValue().equals(id) && reused.articles().containsKey(e.getKey()));
                    assertThat(known).as("%s's story read again, though known for the same version", id).isFalse();
                }
            }
            reusedMatches += before.compared().size();
            newEntriesRead += reads.entries.size();
            ingest(c, d);
        }
        assertThat(reusedMatches).as("earlier comparisons to reuse").isPositive();
        assertThat(newEntriesRead).as("entries stored since, read").isPositive();
    }

    private static List<String> summary(Lookup lookup) {
        List<String> out = new ArrayList<>(List.of(lookup.classification().name(), lookup.candidates().toString()));
        for (Match m : lookup.matches()) {
            out.add(m.article().articleId() + " v" + m.article().version() + " story " + m.article().storyId() + " "
                    + m.classification() + " " + m.bandsCollided() + " " + m.comparison());
        }
        return out;
    }

    private static void ingest(Components c, NewsCorpusGenerator.Doc d) {
        c.ingestor().ingest(new ArticleRequest(d.id(), null, d.body(), null, null, null));
    }

    private static Components components() {
        ArticleStore store = new ArticleStore(TestDatabase.h2().migratedJdbi());
        Detector detector = new Detector(FINGERPRINTER, new LshBands(LshParameters.forThreshold(0.3, 128,
                LshParameters.DEFAULT_TARGET_PROBABILITY)), new Comparer(Comparer.DEFAULT_PARAGRAPH_THRESHOLD),
                Classifier.defaults(), store, 0.3, 1000, 1, 10, new MetricRegistry(), new HeldVersions(0),
                Representatives.defaults());
        return Components.create(detector, store, InputLimits.defaults(), Clock.systemUTC(), new MetricRegistry());
    }

    /** Records what a look-up asks the store about its candidates; everything goes to the real store. */
    private static final class Recording {
        final List<Long> entries = new ArrayList<>();
        final List<String> candidateIds = new ArrayList<>();
        int articles;

        LookupReads around(LookupReads dao) {
            return new LookupReads() {
                public List<ArticleRow> articles(Collection<String> ids) {
                    articles += ids.size();
                    return dao.articles(ids);
                }

                public List<VersionRow> latestVersions(Collection<String> ids) {
                    return dao.latestVersions(ids);
                }

                public List<VersionRow> latestHeads(Collection<String> ids) {
                    return dao.latestHeads(ids);
                }

                public List<CandidateRow> candidates(Collection<String> ids) {
                    candidateIds.addAll(ids);
                    return dao.candidates(ids);
                }

                public List<IndexedArticle> articlesAt(Collection<Long> seqs) {
                    entries.addAll(seqs);
                    return dao.articlesAt(seqs);
                }

                public List<IndexLogRow> logAfter(long after, int limit) {
                    return dao.logAfter(after, limit);
                }

                public long lastTaken(String counter) {
                    return dao.lastTaken(counter);
                }
            };
        }
    }
}
