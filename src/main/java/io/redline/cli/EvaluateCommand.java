package io.redline.cli;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.redline.Components;
import io.redline.RedlineConfiguration;
import io.redline.RedlineStartup;
import io.redline.api.ArticleRequest;
import io.redline.api.IngestResponse;
import io.redline.api.MatchView;
import io.redline.cluster.GroupingQuality;
import io.redline.detect.Detector;
import io.redline.ingest.Ingestor;
import io.redline.store.VersionRow;
import liquibase.Scope;
import liquibase.ui.LoggerUIService;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code redline evaluate config.yml corpus.jsonl truth.jsonl [--limit N] [--json] [--use-configured-database]}:
 * ingests a labelled corpus in file order into a fresh store with the configured detection settings and
 * reports how the resulting stories compare with the true clusters.
 *
 * <p>The corpus holds {@code {"id", "body", "title"?, "publishedAt"?}} per line, the truth
 * {@code {"id", "cluster", "parent", "kind"?, "source"?}} per line ({@code parent} null for originals), as
 * {@code ../shared/eval/gen_corpus.py} writes them: {@code kind} is original, revision, template or recurring, and
 * {@code source} names the other story's document that a template or next edition reuses. Without {@code kind}
 * a line with a parent is a revision and one without an original. The store is a new H2 file database in a
 * temporary directory, deleted afterwards; {@code --use-configured-database} uses the configured one instead,
 * which must then hold no articles.
 *
 * <p>Reported: pairwise and B-cubed precision, recall and F1 ({@link GroupingQuality}); the LSH candidates of
 * each document's look-up before it is stored (mean, p50, p99, max); of the true parent → child pairs whose
 * parent came earlier in the file, how many the child's LSH look-up did not return the parent for, and how
 * many it did but exact verification classified NEW; the relations ({@link RelationTable}): each truth kind
 * against the classification of the document's best match on ingest (the first of the ingest's matches, NEW when
 * there is none), and, for documents with a reference stored before them (a revision's {@code parent}, else the
 * {@code source}), the classification that reference got among the matches, or "not matched" (the matches are
 * the configured {@code maxMatches} best); the story merges the ingest made; and the ingest rate (time inside the
 * ingestor only; the command's own look-ups are counted in the total).
 */
public class EvaluateCommand extends ConfiguredCommand<RedlineConfiguration> {
    /** Example pairs of each kind of miss shown in the report. */
    static final int EXAMPLES = 5;

    public EvaluateCommand() {
        super("evaluate", "Ingest a labelled corpus into a fresh store and report the quality of the story grouping");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("corpus").help("NDJSON corpus, one {\"id\", \"body\", \"title\"?, \"publishedAt\"?} per line, "
                + "ingested in order");
        subparser.addArgument("truth")
                .help("NDJSON truth, one {\"id\", \"cluster\", \"parent\", \"kind\"?, \"source\"?} per line");
        subparser.addArgument("--limit").type(Integer.class).metavar("N")
                .help("evaluate only the first N documents of the corpus");
        subparser.addArgument("--json").action(Arguments.storeTrue()).help("print the report as one JSON object");
        subparser.addArgument("--use-configured-database").dest("use_configured_database")
                .action(Arguments.storeTrue())
                .help("ingest into the configured database (which must be empty) instead of a temporary H2 one");
    }

    @Override
    protected void run(Bootstrap<RedlineConfiguration> bootstrap, Namespace namespace, RedlineConfiguration config)
            throws Exception {
        Integer limit = namespace.getInt("limit");
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        ObjectMapper json = bootstrap.getObjectMapper();
        Path corpus = Path.of(namespace.getString("corpus"));
        Map<String, Truth> truth = readTruth(Path.of(namespace.getString("truth")), json);
        boolean configured = namespace.getBoolean("use_configured_database");
        Path scratch = configured ? null : Files.createTempDirectory("redline-evaluate-");
        DataSourceFactory database = configured ? config.getDatabase() : scratchDatabase(scratch);
        MetricRegistry metrics = new MetricRegistry();
        ManagedDataSource dataSource = database.build(metrics, "evaluate");
        Report report;
        try {
            Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
            // Liquibase reports each change set and a summary on standard output; here both go to the log, so that
            // standard output holds only the report (one JSON object with --json)
            Components components = Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(),
                            "liquibase.command.showSummaryOutput", "LOG"),
                    () -> RedlineStartup.open(config, dataSource, jdbi, metrics));
            long stored = components.catalog().stats().articles();
            if (stored > 0) {
                throw new IllegalStateException("evaluate needs an empty store, but the configured database holds "
                        + stored + " articles");
            }
            report = evaluate(components, corpus, truth, limit == null ? Integer.MAX_VALUE : limit, json);
        } finally {
            dataSource.stop();
            if (scratch != null) {
                deleteTree(scratch);
            }
        }
        if (namespace.getBoolean("json")) {
            System.out.println(json.writeValueAsString(report));
        } else {
            System.out.print(report.text(configured ? "the configured database" : "a fresh temporary H2 database"));
        }
    }

    private static Report evaluate(Components components, Path corpus, Map<String, Truth> truth,
                                   int limit, ObjectMapper json) throws IOException {
        Detector detector = components.detector();
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        int lookups = 0;
        int[] candidates = new int[Math.min(limit, 1 << 16)];
        int parentPairs = 0;
        List<String> lshMissed = new ArrayList<>();
        List<String> notVerified = new ArrayList<>();
        List<RelationTable.Outcome> outcomes = new ArrayList<>();
        long mergesBefore = components.catalog().stats().storyMerges();
        long ingestNanos = 0;
        long started = System.nanoTime();
        try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null && lookups < limit; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode doc = parse(json, line, corpus, lineNumber);
                String id = text(doc, "id", corpus, lineNumber);
                String body = text(doc, "body", corpus, lineNumber);
                Truth t = truth.get(id);
                if (t == null) {
                    throw new IllegalArgumentException(corpus + ":" + lineNumber + ": " + id + " has no line in the truth file");
                }
                Instant publishedAt = instant(doc, "publishedAt", corpus, lineNumber);
                long before = System.nanoTime();
                Ingestor.Prepared prepared = components.ingestor().prepare(new ArticleRequest(id,
                        optionalText(doc, "title"), body, publishedAt, optionalText(doc, "url"), optionalText(doc, "source")));
                ingestNanos += System.nanoTime() - before;
                // the look-up the commit reuses while it holds: is the parent among its LSH candidates?
                Map<String, Integer> hits = prepared.early().candidates();
                if (lookups == candidates.length) {
                    candidates = Arrays.copyOf(candidates, candidates.length * 2);
                }
                candidates[lookups++] = hits.size();
                if (t.parent() != null && seen.contains(t.parent()) && !t.parent().equals(id)) {
                    parentPairs++;
                    String pair = id + "<-" + t.parent();
                    if (!hits.containsKey(t.parent())) {
                        lshMissed.add(pair);
                    } else {
                        VersionRow parent = components.history().version(t.parent(), null).orElseThrow();
                        if (!detector.compare(prepared.fingerprint(), publishedAt == null ? null : publishedAt.toEpochMilli(),
                                parent, hits.get(t.parent())).sameStory()) {
                            notVerified.add(pair);
                        }
                    }
                }
                before = System.nanoTime();
                IngestResponse response = components.ingestor().commit(prepared);
                ingestNanos += System.nanoTime() - before;
                outcomes.add(outcome(t, id, response, seen));
                if (seen.add(id)) {
                    order.add(id);
                }
            }
        }
        if (order.isEmpty()) {
            throw new IllegalArgumentException(corpus + " holds no documents");
        }
        Map<String, Long> storyOf = new HashMap<>();
        Map<String, String> clusterOf = new HashMap<>();
        for (String id : order) {
            storyOf.put(id, components.catalog().article(id).orElseThrow().storyId());
            clusterOf.put(id, truth.get(id).cluster());
        }
        long storyMerges = components.catalog().stats().storyMerges() - mergesBefore;
        double totalSeconds = (System.nanoTime() - started) / 1e9;
        double ingestSeconds = ingestNanos / 1e9;
        GroupingQuality q = GroupingQuality.of(storyOf, clusterOf);
        int[] counts = Arrays.copyOf(candidates, lookups);
        return new Report(q.documents(), q.clusters(), q.stories(),
                new Scores(q.pairwisePrecision(), q.pairwiseRecall(), q.pairwiseF1()),
                new Scores(q.bcubedPrecision(), q.bcubedRecall(), q.bcubedF1()),
                CandidateCounts.of(counts),
                new ParentPairs(parentPairs, lshMissed.size(), notVerified.size(),
                        List.copyOf(lshMissed.subList(0, Math.min(EXAMPLES, lshMissed.size()))),
                        List.copyOf(notVerified.subList(0, Math.min(EXAMPLES, notVerified.size())))),
                RelationTable.of(outcomes), storyMerges,
                new Ingest(ingestSeconds, lookups / Math.max(ingestSeconds, 1e-9), totalSeconds));
    }

    /** What the ingest made of the document {@code id} of truth {@code t}; {@code stored} are the ids before it. */
    private static RelationTable.Outcome outcome(Truth t, String id, IngestResponse response, Set<String> stored) {
        List<MatchView> matches = response.matches();
        String relation = matches.isEmpty() ? "NEW" : matches.get(0).classification();
        String reference = t.referenceId();
        if (reference == null || reference.equals(id) || !stored.contains(reference)) {
            return new RelationTable.Outcome(t.kind(), relation, null, null);
        }
        String given = matches.stream().filter(m -> m.id().equals(reference)).map(MatchView::classification)
                .findFirst().orElse(RelationTable.NOT_MATCHED);
        return new RelationTable.Outcome(t.kind(), relation, t.parent() != null ? "parent" : "source", given);
    }

    /**
     * One line of the truth file.
     *
     * @param kind   as the line says, else revision when it has a parent and original when not
     * @param source the other story's document that a template or next edition reuses; null when none
     */
    record Truth(String cluster, String parent, String kind, String source) {
        /** The document this one is measured against: its parent, else its source; null when neither. */
        String referenceId() {
            return parent != null ? parent : source;
        }
    }

    private static Map<String, Truth> readTruth(Path file, ObjectMapper json) throws IOException {
        Map<String, Truth> out = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(json, line, file, lineNumber);
                String parent = optionalText(node, "parent");
                String kind = optionalText(node, "kind");
                out.put(text(node, "id", file, lineNumber), new Truth(text(node, "cluster", file, lineNumber), parent,
                        kind != null ? kind : parent != null ? "revision" : "original", optionalText(node, "source")));
            }
        }
        return out;
    }

    private static JsonNode parse(ObjectMapper json, String line, Path file, int lineNumber) {
        try {
            return json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, Path file, int lineNumber) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": \"" + field + "\" is required");
        }
        return value.asText();
    }

    /** The field's text; null when it is missing, null or empty. */
    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }

    /** An ISO-8601 instant such as {@code 2024-01-01T06:00:00Z}; null when the field is missing or null. */
    private static Instant instant(JsonNode node, String field, Path file, int lineNumber) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ":" + lineNumber + ": \"" + field
                    + "\" must be an instant such as 2024-01-01T06:00:00Z, got " + value, e);
        }
    }

    private static DataSourceFactory scratchDatabase(Path dir) {
        DataSourceFactory f = new DataSourceFactory();
        f.setDriverClass("org.h2.Driver");
        f.setUrl("jdbc:h2:" + dir.resolve("redline").toAbsolutePath());
        f.setUser("sa");
        f.setPassword("");
        f.setMinSize(1);
        f.setInitialSize(1);
        f.setMaxSize(4);
        return f;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the temporary store " + dir, e);
        }
    }

    /** Precision, recall and their harmonic mean. */
    public record Scores(double precision, double recall, double f1) {
    }

    /** LSH candidates per look-up, the document's own earlier versions excluded; percentiles by nearest rank. */
    public record CandidateCounts(double mean, int p50, int p99, int max) {
        static CandidateCounts of(int[] counts) {
            if (counts.length == 0) {
                throw new IllegalArgumentException("no look-ups to summarise");
            }
            int[] sorted = counts.clone();
            Arrays.sort(sorted);
            return new CandidateCounts(Arrays.stream(sorted).average().orElseThrow(), rank(sorted, 50),
                    rank(sorted, 99), sorted[sorted.length - 1]);
        }

        private static int rank(int[] sorted, int percentile) {
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(rank, 1) - 1];
        }
    }

    /**
     * True parent → child pairs whose parent was stored before the child: those the child's LSH look-up did
     * not return the parent for, and those it did but verification classified NEW; examples as "child<-parent".
     */
    public record ParentPairs(int pairs, int lshMissed, int notVerified, List<String> lshMissedExamples,
                              List<String> notVerifiedExamples) {
    }

    /** Time spent inside the ingestor, its rate, and the command's whole evaluation time. */
    public record Ingest(double seconds, double docsPerSecond, double totalSeconds) {
    }

    /** Everything the command prints; the JSON form is this record as Jackson writes it. */
    public record Report(int documents, int trueClusters, int stories, Scores pairwise, Scores bcubed,
                         CandidateCounts lshCandidates, ParentPairs parentPairs, RelationTable relations,
                         long storyMerges, Ingest ingest) {
        String text(String store) {
            Map<String, String> rows = new LinkedHashMap<>();
            rows.put("store", store);
            rows.put("documents", Integer.toString(documents));
            rows.put("true clusters", Integer.toString(trueClusters));
            rows.put("stories", Integer.toString(stories));
            rows.put("pairwise", scores(pairwise));
            rows.put("B-cubed", scores(bcubed));
            rows.put("LSH candidates", String.format(Locale.ROOT, "per query mean %.2f, p50 %d, p99 %d, max %d",
                    lshCandidates.mean(), lshCandidates.p50(), lshCandidates.p99(), lshCandidates.max()));
            rows.put("parent->child", String.format(Locale.ROOT,
                    "%d true pairs: %d missed by LSH %s, %d candidates not verified (NEW) %s",
                    parentPairs.pairs(), parentPairs.lshMissed(), parentPairs.lshMissedExamples(),
                    parentPairs.notVerified(), parentPairs.notVerifiedExamples()));
            rows.put("story merges", Long.toString(storyMerges));
            rows.put("ingest", String.format(Locale.ROOT, "%d docs in %.1f s (%.0f docs/s); %.1f s in all",
                    documents, ingest.seconds(), ingest.docsPerSecond(), ingest.totalSeconds()));
            StringBuilder out = new StringBuilder();
            rows.forEach((k, v) -> out.append(String.format(Locale.ROOT, "%-15s %s%n", k, v)));
            out.append(String.format(Locale.ROOT,
                    "relations       truth kind (rows) against the classification of the best match (NEW: none)%n"));
            relations.lines().forEach(l -> out.append(String.format(Locale.ROOT, "  %s%n", l)));
            return out.toString();
        }

        private static String scores(Scores s) {
            return String.format(Locale.ROOT, "precision %.4f  recall %.4f  F1 %.4f", s.precision(), s.recall(), s.f1());
        }
    }
}
