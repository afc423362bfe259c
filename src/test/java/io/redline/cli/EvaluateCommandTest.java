package io.redline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redline.store.ArticleStore;
import io.redline.store.RedlineDao;
import io.redline.testing.Commands;
import io.redline.testing.Fixtures;
import io.redline.testing.NewsCorpusGenerator;
import io.redline.testing.NewsCorpusGenerator.Doc;
import io.redline.testing.NewsCorpusGenerator.Kind;
import io.redline.testing.NewsCorpusGenerator.Rewording;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code redline evaluate config.yml corpus.jsonl truth.jsonl}: the quality report, run as from a shell. */
class EvaluateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GENERATED = 300;

    @TempDir
    static Path files;
    static List<Doc> docs;
    static Path seedsTruth;
    static List<Labelled> kinds;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void writeCorpora() throws IOException {
        docs = NewsCorpusGenerator.builder().count(GENERATED).rewording(Rewording.HEAVY).build().generate();
        List<String> corpus = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        for (Doc d : docs) {
            corpus.add(line(JSON.createObjectNode().put("id", d.id()).put("body", d.body())));
            truth.add(line(JSON.createObjectNode().put("id", d.id()).put("cluster", d.cluster()).put("parent", d.parent())));
        }
        Files.write(files.resolve("corpus.jsonl"), corpus);
        Files.write(files.resolve("truth.jsonl"), truth);
        seedsTruth = files.resolve("seeds-truth.jsonl");
        Files.write(seedsTruth, seedsTruthLines());
        kinds = corpusWithKinds();
        List<String> kindsCorpus = new ArrayList<>();
        List<String> kindsTruth = new ArrayList<>();
        for (Labelled d : kinds) {
            kindsCorpus.add(line(JSON.createObjectNode().put("id", d.id()).put("title", d.title()).put("body", d.body())));
            ObjectNode t = JSON.createObjectNode().put("id", d.id()).put("cluster", d.cluster()).put("parent", d.parent())
                    .put("kind", d.kind());
            if (d.source() != null) {
                t.put("source", d.source());
            }
            kindsTruth.add(line(t));
        }
        Files.write(files.resolve("kinds-corpus.jsonl"), kindsCorpus);
        Files.write(files.resolve("kinds-truth.jsonl"), kindsTruth);
    }

    /** A document with its truth line as {@code gen_corpus.py} writes it with kinds. */
    record Labelled(String id, String title, String body, String cluster, String parent, String kind, String source) {
    }

    /**
     * 40 generated documents (originals, heavy revisions, templates, shared boilerplate), then made here: a next
     * edition ("recurring") of each of the first three originals — most paragraphs kept, every fourth dropped, one
     * new —, an exact copy of the fourth as a revision of it, a round-up of the fifth and sixth in full (an
     * unknown kind, "digest", with the fifth as its source), half of each, which joins one and merges neither,
     * and a "next edition" of the seventh that shares no word with it (from another vocabulary), whose source is
     * therefore not matched.
     */
    private static List<Labelled> corpusWithKinds() {
        List<Doc> generated = NewsCorpusGenerator.builder().count(40).rewording(Rewording.HEAVY).templateFraction(0.3)
                .boilerplate(true).build().generate();
        List<Labelled> out = new ArrayList<>();
        for (Doc d : generated) {
            out.add(new Labelled(d.id(), "Story " + d.id(), d.body(), d.cluster(), d.parent(),
                    d.kind().name().toLowerCase(Locale.ROOT), d.templateOf()));
        }
        List<Doc> originals = generated.stream().filter(d -> d.kind() == Kind.ORIGINAL).toList();
        for (Doc o : originals.subList(0, 3)) {
            List<String> paragraphs = new ArrayList<>(Arrays.asList(o.body().split("\n\n")));
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < paragraphs.size(); i++) {
                if (i % 4 != 3) {
                    kept.add(paragraphs.get(i));
                }
            }
            kept.add("Organisers of " + o.id() + " said the next edition would move to a larger hall, with twice "
                    + "as many delegates and a programme running over four days instead of three.");
            String id = "next-" + o.id();
            out.add(new Labelled(id, "Story " + id, String.join("\n\n", kept), id, null, "recurring", o.id()));
        }
        Doc copied = originals.get(3);
        out.add(new Labelled("copy-" + copied.id(), "Copy", copied.body(), copied.cluster(), copied.id(), "revision", null));
        Doc a = originals.get(4);
        Doc b = originals.get(5);
        out.add(new Labelled("digest", "Digest", a.body() + "\n\n" + b.body(), "digest", null, "digest", a.id()));
        String unrelated = NewsCorpusGenerator.builder().seed(7).count(1).build().generate().get(0).body();
        out.add(new Labelled("mislabelled", "Mislabelled", unrelated, "mislabelled", null, "recurring",
                originals.get(6).id()));
        return List.copyOf(out);
    }

    /** From the expected stories: each story's first article is its cluster and the parent of the next. */
    private static List<String> seedsTruthLines() {
        List<String> lines = new ArrayList<>();
        for (JsonNode story : Fixtures.expected().get("stories")) {
            String cluster = story.get(0).asText();
            String parent = null;
            for (JsonNode id : story) {
                lines.add(line(JSON.createObjectNode().put("id", id.asText()).put("cluster", cluster).put("parent", parent)));
                parent = id.asText();
            }
        }
        return lines;
    }

    @Test
    void theSeedsAreGroupedExactlyAsExpected() {
        TestDatabase configured = TestDatabase.h2();
        Optional<Throwable> failure = run(configured, "evaluate", "config.yml", Fixtures.SEEDS.toString(), seedsTruth.toString());

        assertThat(failure).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .contains("store           a fresh temporary H2 database",
                        "documents       10",
                        "true clusters   9",
                        "stories         9",
                        "pairwise        precision 1.0000  recall 1.0000  F1 1.0000",
                        "B-cubed         precision 1.0000  recall 1.0000  F1 1.0000",
                        "LSH candidates  per query mean 0.20, p50 0, p99 1, max 1",
                        "parent->child   1 true pairs: 0 missed by LSH [], 0 candidates not verified (NEW) []",
                        "story merges    0",
                        "relations       truth kind (rows) against the classification of the best match (NEW: none)",
                        "  kind      REVISION  NEW",
                        "  original         0    9",
                        "  revision         1    0",
                        "  revision -> its parent: REVISION 1, not matched 0")
                .anySatisfy(l -> assertThat(l).matches("ingest          10 docs in \\d+\\.\\d s \\(\\d+ docs/s\\); .*"));
        assertThat(Path.of(configured.url().substring("jdbc:h2:".length()) + ".mv.db"))
                .as("the configured database is left alone").doesNotExist();
    }

    @Test
    void aHeavilyReworded300DocumentCorpusAsOneJsonObject() throws IOException {
        Set<Path> scratchBefore = scratchDirectories();
        Optional<Throwable> failure = run(TestDatabase.h2(), "evaluate", "config.yml",
                files.resolve("corpus.jsonl").toString(), files.resolve("truth.jsonl").toString(), "--json");

        assertThat(failure).isEmpty();
        JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(report.get("documents").asInt()).isEqualTo(GENERATED);
        assertThat(report.get("trueClusters").asInt()).isEqualTo((int) docs.stream().map(Doc::cluster).distinct().count());
        JsonNode pairs = report.get("parentPairs");
        int revisions = (int) docs.stream().filter(d -> d.kind() == Kind.REVISION).count();
        assertThat(pairs.get("pairs").asInt()).isEqualTo(revisions);
        // every revision is found by LSH; heavy rewording leaves a few under the classifier's cuts, apart
        int apart = pairs.get("lshMissed").asInt() + pairs.get("notVerified").asInt();
        assertThat(pairs.get("lshMissed").asInt()).isZero();
        assertThat(apart).isLessThanOrEqualTo(revisions / 20);
        assertThat(pairs.get("notVerifiedExamples")).hasSize(Math.min(apart, EvaluateCommand.EXAMPLES));
        assertThat(report.get("stories").asInt()).isBetween(report.get("trueClusters").asInt(),
                report.get("trueClusters").asInt() + apart);
        assertThat(report.at("/pairwise/precision").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/pairwise/recall").asDouble()).isBetween(0.9, apart == 0 ? 1.0 : 0.9999);
        assertThat(report.at("/bcubed/precision").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/bcubed/f1").asDouble()).isGreaterThan(0.95);
        assertThat(report.at("/lshCandidates/mean").asDouble()).isPositive();
        assertThat(report.at("/lshCandidates/p99").asInt()).isBetween(report.at("/lshCandidates/p50").asInt(),
                report.at("/lshCandidates/max").asInt());
        assertThat(report.at("/ingest/docsPerSecond").asDouble()).isPositive();
        // truth without kinds: revisions are the lines with a parent, the rest originals
        JsonNode byKind = report.at("/relations/byKind");
        assertThat(byKind.fieldNames()).toIterable().containsExactly("original", "revision");
        assertThat(sum(byKind.get("revision"))).isEqualTo(revisions);
        assertThat(sum(byKind.get("original"))).isEqualTo(GENERATED - revisions);
        JsonNode toParent = report.at("/relations/toReference/0");
        assertThat(report.at("/relations/toReference")).hasSize(1);
        assertThat(toParent.get("kind").asText() + " " + toParent.get("reference").asText()).isEqualTo("revision parent");
        assertThat(sum(toParent.get("relations")) + toParent.get("notMatched").asInt()).isEqualTo(revisions);
        // a split story is only ever joined again by a merge (precision is 1 above), and only apart revisions split
        assertThat(report.get("storyMerges").asInt()).isBetween(0, apart);
        assertThat(scratchDirectories()).as("the temporary store is deleted").isEqualTo(scratchBefore);
    }

    @Test
    void limitEvaluatesTheFirstDocumentsOnly() throws IOException {
        Optional<Throwable> failure = run(TestDatabase.h2(), "evaluate", "config.yml",
                files.resolve("corpus.jsonl").toString(), files.resolve("truth.jsonl").toString(), "--limit", "40", "--json");

        assertThat(failure).isEmpty();
        JsonNode report = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        List<Doc> first = docs.subList(0, 40);
        assertThat(report.get("documents").asInt()).isEqualTo(40);
        assertThat(report.get("trueClusters").asInt()).isEqualTo((int) first.stream().map(Doc::cluster).distinct().count());
        assertThat(report.at("/parentPairs/pairs").asInt()).isEqualTo((int) first.stream().filter(d -> d.parent() != null).count());
    }

    /**
     * The table against an independent tally: the same corpus posted one article at a time to a running server,
     * counting from its answers the best match's classification per kind, what each reference was given and the
     * stories merged.
     */
    @Test
    void relationsTallyWhatTheIngestAnsweredPerTruthKind() throws IOException {
        Map<String, Map<String, Integer>> rows = new TreeMap<>();
        Map<String, Map<String, Integer>> references = new TreeMap<>();
        int merges = 0;
        try (RunningRedline redline = new RunningRedline(TestDatabase.h2())) {
            Set<String> posted = new HashSet<>();
            for (Labelled d : kinds) {
                JsonNode answer = redline.postJson("/articles", Map.of("id", d.id(), "title", d.title(), "body", d.body()))
                        .json();
                JsonNode matches = answer.get("matches");
                String relation = matches.isEmpty() ? "NEW" : matches.get(0).get("classification").asText();
                rows.computeIfAbsent(d.kind(), k -> new TreeMap<>()).merge(relation, 1, Integer::sum);
                String reference = d.parent() != null ? d.parent() : d.source();
                if (reference != null && posted.contains(reference)) {
                    String given = "not matched";
                    for (JsonNode m : matches) {
                        if (m.get("id").asText().equals(reference)) {
                            given = m.get("classification").asText();
                            break;
                        }
                    }
                    references.computeIfAbsent(d.kind(), k -> new TreeMap<>()).merge(given, 1, Integer::sum);
                }
                merges += answer.get("mergedStories").size();
                posted.add(d.id());
            }
        }

        Optional<Throwable> failure = run(TestDatabase.h2(), "evaluate", "config.yml",
                files.resolve("kinds-corpus.jsonl").toString(), files.resolve("kinds-truth.jsonl").toString(), "--json");

        assertThat(failure).isEmpty();
        JsonNode relations = JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("relations");
        List<String> columns = new ArrayList<>();
        relations.get("columns").forEach(c -> columns.add(c.asText()));
        Map<String, Map<String, Integer>> table = new TreeMap<>();
        relations.get("byKind").fields().forEachRemaining(row -> {
            Map<String, Integer> cells = new TreeMap<>();
            row.getValue().fields().forEachRemaining(cell -> {
                if (cell.getValue().asInt() > 0) {
                    cells.put(cell.getKey(), cell.getValue().asInt());
                }
            });
            table.put(row.getKey(), cells);
        });
        assertThat(table).isEqualTo(rows);
        assertThat(relations.get("byKind").fieldNames()).toIterable()
                .containsExactly("original", "revision", "template", "recurring", "digest");
        relations.get("byKind").forEach(row -> assertThat(row.fieldNames()).toIterable().containsExactlyElementsOf(columns));
        assertThat(columns).containsExactlyInAnyOrderElementsOf(
                rows.values().stream().flatMap(r -> r.keySet().stream()).distinct().toList());
        assertThat(columns).isSubsetOf(RelationTable.RELATION_ORDER)
                .isSortedAccordingTo(Comparator.comparingInt(RelationTable.RELATION_ORDER::indexOf));
        Map<String, Map<String, Integer>> toReference = new TreeMap<>();
        for (JsonNode line : relations.get("toReference")) {
            Map<String, Integer> given = new TreeMap<>();
            line.get("relations").fields().forEachRemaining(r -> given.put(r.getKey(), r.getValue().asInt()));
            if (line.get("notMatched").asInt() > 0) {
                given.put("not matched", line.get("notMatched").asInt());
            }
            assertThat(line.get("reference").asText()).isEqualTo(line.get("kind").asText().equals("revision") ? "parent" : "source");
            toReference.put(line.get("kind").asText(), given);
        }
        assertThat(toReference).isEqualTo(references);
        assertThat(JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("storyMerges").asInt()).isEqualTo(merges);

        // the corpus is made so that the table has something to show: each row holds its kind's documents
        Map<String, Long> perKind = new TreeMap<>();
        kinds.forEach(d -> perKind.merge(d.kind(), 1L, Long::sum));
        table.forEach((kind, cells) -> assertThat(cells.values().stream().mapToLong(Integer::longValue).sum())
                .as(kind).isEqualTo(perKind.get(kind)));
        assertThat(rows.get("revision")).containsKey("DUPLICATE");
        assertThat(references.get("recurring")).containsEntry("not matched", 1);
        assertThat(references.get("recurring").values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
    }

    @Test
    void relationsInTheTextReport() {
        Optional<Throwable> failure = run(TestDatabase.h2(), "evaluate", "config.yml",
                files.resolve("kinds-corpus.jsonl").toString(), files.resolve("kinds-truth.jsonl").toString());

        assertThat(failure).isEmpty();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        int header = lines.indexOf("relations       truth kind (rows) against the classification of the best match (NEW: none)");
        assertThat(header).isPositive();
        assertThat(lines.get(header + 1)).matches("  kind +DUPLICATE +REVISION .*NEW");
        assertThat(lines.subList(header + 2, header + 7)).extracting(l -> l.trim().split(" +")[0])
                .containsExactly("original", "revision", "template", "recurring", "digest");
        assertThat(lines.subList(header + 7, lines.size()))
                .anySatisfy(l -> assertThat(l).startsWith("  revision -> its parent: DUPLICATE 1, "))
                .anySatisfy(l -> assertThat(l).matches("  recurring -> its source: .*, not matched 1"))
                .anySatisfy(l -> assertThat(l).startsWith("  digest -> its source: "));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("story merges    \\d+"));
    }

    @Test
    void theConfiguredDatabaseIsUsedOnlyWhenAskedAndMustBeEmpty() {
        TestDatabase configured = TestDatabase.h2();
        String[] args = {"evaluate", "config.yml", Fixtures.SEEDS.toString(), seedsTruth.toString(), "--use-configured-database"};
        assertThat(run(configured, args)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("store           the configured database");
        assertThat(new ArticleStore(configured.migratedJdbi()).read(RedlineDao::countArticles)).isEqualTo(10);

        Optional<Throwable> again = run(configured, args);
        assertThat(again).get().asString().contains("evaluate needs an empty store, but the configured database holds 10 articles");
    }

    @Test
    void publishedAtIsIngestedAndAMalformedOneIsReportedByLine() throws IOException {
        Path corpus = files.resolve("dated-corpus.jsonl");
        Path truth = files.resolve("dated-truth.jsonl");
        Files.write(corpus, List.of(
                line(JSON.createObjectNode().put("id", "a").put("body", docs.get(0).body()).put("publishedAt", "2024-01-01T06:00:00Z")),
                line(JSON.createObjectNode().put("id", "b").put("body", docs.get(1).body()))));
        Files.write(truth, List.of(line(JSON.createObjectNode().put("id", "a").put("cluster", "a").put("kind", "original")),
                line(JSON.createObjectNode().put("id", "b").put("cluster", "b").put("kind", "original"))));
        TestDatabase configured = TestDatabase.h2();

        assertThat(run(configured, "evaluate", "config.yml", corpus.toString(), truth.toString(), "--use-configured-database"))
                .isEmpty();
        ArticleStore store = new ArticleStore(configured.migratedJdbi());
        assertThat(store.read(dao -> dao.latestVersion("a")).orElseThrow().publishedAt())
                .isEqualTo(Instant.parse("2024-01-01T06:00:00Z").toEpochMilli());
        assertThat(store.read(dao -> dao.latestVersion("b")).orElseThrow().publishedAt()).isNull();

        Files.write(corpus, List.of(line(JSON.createObjectNode().put("id", "a").put("body", "Text.").put("publishedAt", "1 January"))));
        assertThat(run(TestDatabase.h2(), "evaluate", "config.yml", corpus.toString(), truth.toString())).get().asString()
                .contains(corpus + ":1: \"publishedAt\" must be an instant such as 2024-01-01T06:00:00Z, got \"1 January\"");
    }

    @Test
    void aDocumentMissingFromTheTruthIsReportedByLine() throws IOException {
        Path truth = files.resolve("partial-truth.jsonl");
        Files.write(truth, seedsTruthLines().subList(0, 3));
        Optional<Throwable> failure = run(TestDatabase.h2(), "evaluate", "config.yml", Fixtures.SEEDS.toString(), truth.toString());

        assertThat(failure).get().asString().contains(Fixtures.SEEDS + ":4: seed-04 has no line in the truth file");
    }

    @Test
    void candidatePercentilesAreByNearestRank() {
        int[] counts = new int[100];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i + 1;
        }
        assertThat(EvaluateCommand.CandidateCounts.of(counts)).isEqualTo(new EvaluateCommand.CandidateCounts(50.5, 50, 99, 100));
        assertThat(EvaluateCommand.CandidateCounts.of(new int[] {3, 0, 0})).isEqualTo(new EvaluateCommand.CandidateCounts(1.0, 0, 3, 3));
        assertThatThrownBy(() -> EvaluateCommand.CandidateCounts.of(new int[0])).hasMessage("no look-ups to summarise");
    }

    private static Set<Path> scratchDirectories() {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new HashSet<>(dirs.filter(p -> p.getFileName().toString().startsWith("redline-evaluate-")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int sum(JsonNode counts) {
        int sum = 0;
        for (JsonNode n : counts) {
            sum += n.asInt();
        }
        return sum;
    }

    private static String line(ObjectNode node) {
        return node.toString();
    }

    private Optional<Throwable> run(TestDatabase db, String... args) {
        out.reset();
        err.reset();
        return Commands.run(db, out, err, args);
    }
}
