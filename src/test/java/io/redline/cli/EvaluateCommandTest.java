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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
                        "parent->child   1 true pairs: 0 missed by LSH [], 0 candidates not verified (NEW) []")
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

    private static String line(ObjectNode node) {
        return node.toString();
    }

    private Optional<Throwable> run(TestDatabase db, String... args) {
        out.reset();
        err.reset();
        return Commands.run(db, out, err, args);
    }
}
