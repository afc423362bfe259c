package io.redline.cluster;

import com.codahale.metrics.MetricRegistry;
import io.redline.Components;
import io.redline.DetectionFactory;
import io.redline.api.ArticleRequest;
import io.redline.api.IngestResponse;
import io.redline.api.MatchView;
import io.redline.api.PairView;
import io.redline.detect.Detector;
import io.redline.ingest.Ingestor;
import io.redline.ingest.InputLimits;
import io.redline.match.Classification;
import io.redline.store.ArticleStore;
import io.redline.testing.NewsCorpusGenerator;
import io.redline.testing.NewsCorpusGenerator.Doc;
import io.redline.testing.NewsCorpusGenerator.Kind;
import io.redline.testing.NewsCorpusGenerator.Rewording;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clustering quality on generated corpora with known stories ({@link NewsCorpusGenerator}): every article is
 * ingested in order through the {@code Ingestor} into a fresh H2 store with the default detection settings,
 * and the final stories are scored against the true clusters.
 *
 * <p>Pairwise precision: of the article pairs that share a story, the share that share a true cluster;
 * pairwise recall: of the pairs that share a true cluster, the share that share a story. B-cubed averages
 * the same two questions per article. The figures are printed so they can be quoted.
 */
class GeneratedCorpusClusteringTest {

    @Test
    void theSameOptionsGiveTheSameCorpus() {
        NewsCorpusGenerator generator = NewsCorpusGenerator.builder().count(200).rewording(Rewording.HEAVY)
                .templateFraction(0.1).boilerplate(true).build();
        List<Doc> docs = generator.generate();
        assertThat(generator.generate()).isEqualTo(docs);
        assertThat(docs).filteredOn(d -> d.kind() == Kind.REVISION).isNotEmpty()
                .allSatisfy(d -> assertThat(d.cluster()).isEqualTo(docs.get(Integer.parseInt(d.parent().substring(1))).cluster()));
        assertThat(docs).filteredOn(d -> d.kind() == Kind.TEMPLATE).isNotEmpty()
                .allSatisfy(d -> assertThat(d.cluster()).isEqualTo(d.id()));
        assertThat(docs).allSatisfy(d -> assertThat(d.body()).startsWith("By ").contains(". REUTERS/")
                .endsWith(")").contains("\n\n(Reporting by "));
    }

    /** Newsroom rewrites, template stories and shared wire boilerplate: the hard case. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class HeavyRewritesWithTemplatesAndBoilerplate {
        static final int COUNT = 3000;
        static final double MIN_PRECISION = 0.98;
        /** Measured 0.970 (13 of 861 revisions not verified against their parent): a little below. */
        static final double MIN_RECALL = 0.96;
        static final int LARGEST_STORY_SLACK = 2;
        static final double MAX_JOINED_TEMPLATE_SHARE = 0.01;

        Outcome outcome;

        @BeforeAll
        void ingest() {
            List<Doc> docs = NewsCorpusGenerator.builder().count(COUNT).rewording(Rewording.HEAVY)
                    .revisionFraction(0.3).templateFraction(0.1).boilerplate(true).build().generate();
            outcome = Outcome.of("heavy", docs);
            System.out.println("[heavy] " + outcome.margins());
        }

        @Test
        void noStoryIsMuchLargerThanTheLargestTrueCluster() {
            assertThat(outcome.largestStory())
                    .as(() -> "largest story vs largest true cluster (" + outcome.largestCluster() + "); "
                            + outcome.describeWrongEdges())
                    .isLessThanOrEqualTo(outcome.largestCluster() + LARGEST_STORY_SLACK);
        }

        @Test
        void storiesHoldArticlesOfOneTrueCluster() {
            assertThat(outcome.quality().pairwisePrecision()).as(outcome::describeWrongEdges)
                    .isGreaterThanOrEqualTo(MIN_PRECISION);
        }

        @Test
        void revisionsMostlyFindTheirStory() {
            assertThat(outcome.quality().pairwiseRecall()).as(outcome::describeMissedRevisions)
                    .isGreaterThanOrEqualTo(MIN_RECALL);
        }

        @Test
        void templateStoriesStayApartFromTheirSource() {
            List<Doc> joined = outcome.templatesJoinedToSource();
            assertThat(joined.size())
                    .as("templates in the story of their source, of %d: %s", outcome.templates(),
                            joined.stream().map(d -> d.id() + "<-" + d.templateOf()).toList())
                    .isLessThanOrEqualTo((int) Math.floor(outcome.templates() * MAX_JOINED_TEMPLATE_SHARE));
        }

        @Test
        void sharedBoilerplateAloneNeverLinksArticles() {
            List<String> unexplained = outcome.pairsJoinedWithoutSharedText();
            assertThat(unexplained).as(() -> "article pairs in one story, in different true clusters and with no "
                    + "template between them; the first compared: " + unexplained.stream().limit(10)
                    .map(p -> p + outcome.explain(p.split("~")[0], p.split("~")[1])).toList() + "; "
                    + outcome.describeWrongEdges()).isEmpty();
        }
    }

    /** The default corpus: 1–3 paragraphs lightly reworded per revision, no templates, no boilerplate. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class LightRevisions {
        static final int COUNT = 1000;

        Outcome outcome;

        @BeforeAll
        void ingest() {
            outcome = Outcome.of("light", NewsCorpusGenerator.builder().count(COUNT).build().generate());
        }

        @Test
        void recallAndPrecisionAreNearlyPerfect() {
            assertThat(outcome.quality().pairwiseRecall()).as(outcome::describeMissedRevisions).isGreaterThanOrEqualTo(0.95);
            assertThat(outcome.quality().pairwisePrecision()).as(outcome::describeWrongEdges).isGreaterThanOrEqualTo(0.99);
        }
    }

    /** A verified match reported at ingest: the only thing that puts two articles in one story. */
    record Edge(String from, String to, String classification, double jaccard, double coverage) {
    }

    /** One corpus ingested, with the final stories read back from the store. */
    record Outcome(List<Doc> docs, Components components, Map<String, Long> storyOf,
                   Map<String, String> clusterOf, List<Edge> edges, GroupingQuality quality) {
        private static final int SHOWN = 30;

        static Outcome of(String name, List<Doc> docs) {
            TestDatabase db = TestDatabase.h2();
            ArticleStore store = new ArticleStore(db.migratedJdbi());
            Detector detector = new DetectionFactory().buildDetector(store, new MetricRegistry());
            Components components = Components.create(detector, store, InputLimits.defaults(),
                    Clock.systemUTC(), new MetricRegistry());
            long start = System.nanoTime();
            List<Edge> edges = new ArrayList<>();
            for (Doc d : docs) {
                IngestResponse r = components.ingestor().ingest(new ArticleRequest(d.id(), null, d.body(), null, null, null));
                for (MatchView m : r.matches()) {
                    if (!m.classification().equals(Classification.NEW.name())) {
                        edges.add(new Edge(d.id(), m.id(), m.classification(), m.jaccard(), m.paragraphCoverage()));
                    }
                }
            }
            long ingestMillis = (System.nanoTime() - start) / 1_000_000;
            Map<String, Long> storyOf = new HashMap<>();
            Map<String, String> clusterOf = new HashMap<>();
            for (Doc d : docs) {
                storyOf.put(d.id(), store.read(dao -> dao.article(d.id())).orElseThrow().storyId());
                clusterOf.put(d.id(), d.cluster());
            }
            Outcome o = new Outcome(docs, components, storyOf, clusterOf, List.copyOf(edges),
                    GroupingQuality.of(storyOf, clusterOf));
            System.out.printf(Locale.ROOT, "[%s] %d articles (%d revisions, %d templates) in %.1f s: %d stories for %d "
                            + "true clusters, largest %d vs %d; %s; %d verified edges, %d across true clusters%n",
                    name, docs.size(), o.count(Kind.REVISION), o.templates(), ingestMillis / 1000.0,
                    new HashSet<>(storyOf.values()).size(), new HashSet<>(clusterOf.values()).size(),
                    o.largestStory(), o.largestCluster(), scores(o.quality()), edges.size(), o.wrongEdges().size());
            return o;
        }

        private static String scores(GroupingQuality q) {
            return String.format(Locale.ROOT, "pairwise precision %.4f recall %.4f, B-cubed P %.4f R %.4f F1 %.4f",
                    q.pairwisePrecision(), q.pairwiseRecall(), q.bcubedPrecision(), q.bcubedRecall(), q.bcubedF1());
        }

        long count(Kind kind) {
            return docs.stream().filter(d -> d.kind() == kind).count();
        }

        int templates() {
            return (int) count(Kind.TEMPLATE);
        }

        int largestStory() {
            return largestGroup(storyOf.values());
        }

        int largestCluster() {
            return largestGroup(clusterOf.values());
        }

        private static int largestGroup(Collection<?> labels) {
            return labels.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting())).values().stream()
                    .mapToInt(Long::intValue).max().orElse(0);
        }

        List<Edge> wrongEdges() {
            return edges.stream().filter(e -> !clusterOf.get(e.from()).equals(clusterOf.get(e.to()))).toList();
        }

        /** Templates whose final story holds any article of their source's true cluster. */
        List<Doc> templatesJoinedToSource() {
            Map<Long, Set<String>> clustersByStory = clustersByStory();
            return docs.stream().filter(d -> d.kind() == Kind.TEMPLATE)
                    .filter(d -> clustersByStory.get(storyOf.get(d.id())).contains(clusterOf.get(d.templateOf())))
                    .toList();
        }

        /**
         * Pairs in one story whose true clusters are not connected through template reuse: nothing but the
         * shared byline, caption and credit line, or chance, can have joined them. Each as "a~b".
         */
        List<String> pairsJoinedWithoutSharedText() {
            Map<String, String> root = new HashMap<>();
            for (Doc d : docs) {
                if (d.kind() == Kind.TEMPLATE) {
                    union(root, d.cluster(), clusterOf.get(d.templateOf()));
                }
            }
            Map<Long, List<String>> byStory = new TreeMap<>();
            for (Doc d : docs) {
                byStory.computeIfAbsent(storyOf.get(d.id()), k -> new ArrayList<>()).add(d.id());
            }
            List<String> out = new ArrayList<>();
            for (List<String> members : byStory.values()) {
                for (int i = 0; i < members.size(); i++) {
                    for (int j = i + 1; j < members.size(); j++) {
                        String a = members.get(i);
                        String b = members.get(j);
                        if (!find(root, clusterOf.get(a)).equals(find(root, clusterOf.get(b)))) {
                            out.add(a + "~" + b);
                        }
                    }
                }
            }
            return out;
        }

        private Map<Long, Set<String>> clustersByStory() {
            Map<Long, Set<String>> out = new HashMap<>();
            storyOf.forEach((id, story) -> out.computeIfAbsent(story, k -> new HashSet<>()).add(clusterOf.get(id)));
            return out;
        }

        private static String find(Map<String, String> root, String x) {
            String r = x;
            while (root.containsKey(r)) {
                r = root.get(r);
            }
            return r;
        }

        private static void union(Map<String, String> root, String a, String b) {
            String ra = find(root, a);
            String rb = find(root, b);
            if (!ra.equals(rb)) {
                root.put(ra, rb);
            }
        }

        String explain(String a, String b) {
            PairView p = components.checker().explain(a, b).orElseThrow();
            return String.format(Locale.ROOT, " (%s, jaccard %.3f, coverage %.3f, %d shared paragraphs)",
                    p.classification(), p.jaccard(), p.paragraphCoverage(), p.sharedParagraphs());
        }

        /** The verified matches between different true clusters, with how the two articles came about. */
        String describeWrongEdges() {
            List<Edge> wrong = wrongEdges();
            Map<String, Doc> byId = docs.stream().collect(Collectors.toMap(Doc::id, d -> d));
            return wrong.size() + " verified matches across true clusters, e.g. " + wrong.stream().limit(SHOWN)
                    .map(e -> String.format(Locale.ROOT, "%s(%s)->%s(%s) %s jaccard %.3f coverage %.3f",
                            e.from(), describe(byId.get(e.from())), e.to(), describe(byId.get(e.to())),
                            e.classification(), e.jaccard(), e.coverage()))
                    .toList();
        }

        private static String describe(Doc d) {
            return switch (d.kind()) {
                case ORIGINAL -> "original";
                case REVISION -> "revision of " + d.parent();
                case TEMPLATE -> "template of " + d.templateOf();
            };
        }

        /** Revisions that did not end in their parent's story, with how they compare to the parent. */
        List<Doc> revisionsApartFromParent() {
            return docs.stream().filter(d -> d.kind() == Kind.REVISION)
                    .filter(d -> !storyOf.get(d.id()).equals(storyOf.get(d.parent()))).toList();
        }

        /**
         * How close the two kinds of error came: the templates that looked most like their source, and the
         * revisions that were not verified against their parent. Both sit under the classifier's cuts.
         */
        String margins() {
            List<PairView> templates = docs.stream().filter(d -> d.kind() == Kind.TEMPLATE)
                    .map(d -> components.checker().explain(d.id(), d.templateOf()).orElseThrow()).toList();
            List<PairView> missed = docs.stream().filter(d -> d.kind() == Kind.REVISION)
                    .map(d -> components.checker().explain(d.id(), d.parent()).orElseThrow())
                    .filter(p -> p.classification().equals(Classification.NEW.name())).toList();
            return String.format(Locale.ROOT, "templates vs source: max jaccard %.3f, max coverage %.3f, %d verified; "
                            + "%d revisions not verified against their parent: jaccard %s, coverage %s",
                    templates.stream().mapToDouble(PairView::jaccard).max().orElse(0),
                    templates.stream().mapToDouble(PairView::paragraphCoverage).max().orElse(0),
                    templates.stream().filter(p -> !p.classification().equals(Classification.NEW.name())).count(),
                    missed.size(), range(missed, PairView::jaccard), range(missed, PairView::paragraphCoverage));
        }

        private static String range(List<PairView> pairs, ToDoubleFunction<PairView> f) {
            return pairs.isEmpty() ? "-" : String.format(Locale.ROOT, "%.3f..%.3f",
                    pairs.stream().mapToDouble(f).min().orElseThrow(), pairs.stream().mapToDouble(f).max().orElseThrow());
        }

        String describeMissedRevisions() {
            List<Doc> missed = revisionsApartFromParent();
            return missed.size() + " of " + count(Kind.REVISION) + " revisions not in their parent's story, e.g. "
                    + missed.stream().limit(SHOWN).map(d -> d.id() + "->" + d.parent() + explain(d.id(), d.parent()))
                    .toList();
        }
    }
}
