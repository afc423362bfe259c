package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.redline.testing.Fixtures;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's answers byte for byte, on the seed rewrite pair (seed-07 → seed-08): the bulk load's NDJSON,
 * {@code /articles/{id}}, {@code /diff} as JSON, unified text and HTML, a posted {@code /diff}, {@code /check},
 * the pair explanation, single ingests, and the story's time line and diff, plus the OpenAPI schemas of these
 * answers. Each is compared with its file in {@code src/test/resources/api-json/}: a change of field name, order,
 * null handling or number format fails here. The seeds are loaded with a {@code publishedAt} each, so that pages
 * show fixed dates; only the clock's instants ({@code ingestedAt}, {@code firstSeen}, {@code lastSeen}) are
 * replaced by {@code "<clock>"} after checking that each is an ISO-8601 instant. The methods run in order: the
 * reads see the bulk load alone, the ingests come last.
 *
 * <p>When an answer is meant to change, record the files again with
 * {@code mvn -o -q test -P '!spark' -Dtest=ApiJsonPinnedTest -Dredline.pin.record=true} and review their diff.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiJsonPinnedTest {
    private static final Path DIR = Path.of("src/test/resources/api-json");
    private static final boolean RECORD = Boolean.getBoolean("redline.pin.record");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CLOCK = Pattern.compile("\"(ingestedAt|firstSeen|lastSeen)\":\"([^\"]*)\"");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z");
    /** The schemas of the answers pinned here, under the names the description publishes. */
    private static final List<String> SCHEMAS = List.of("DiffResponse", "VersionRef", "TitleChange", "DiffSummary",
            "ParagraphChange", "WordChange", "Span", "ArticleView", "CheckResponse", "MatchView", "EvidenceView",
            "SharedParagraphView", "PairView", "IngestResponse", "TimelineView", "Step",
            "DerivedFrom", "Reuses", "ParagraphRewrites");

    private static RunningRedline redline;
    private static RunningRedline.Reply bulk;

    @BeforeAll
    static void start() {
        redline = new RunningRedline(TestDatabase.h2());
        bulk = redline.post("/articles/bulk", "application/x-ndjson", datedSeeds());
    }

    /** The seeds in their order, each published an hour after the one before. */
    private static String datedSeeds() {
        List<JsonNode> seeds = Fixtures.seeds();
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < seeds.size(); k++) {
            ObjectNode seed = ((ObjectNode) seeds.get(k)).put("publishedAt", String.format("2017-11-03T%02d:00:00Z", k));
            try {
                lines.add(JSON.writeValueAsString(seed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return String.join("\n", lines) + "\n";
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    @Order(1)
    void bulkLoadLines() {
        pin("bulk.ndjson", bulk);
    }

    @Test
    @Order(2)
    void storedArticleAndItsVersions() {
        pin("article-seed-08.json", redline.get("/articles/seed-08"));
        pin("versions-seed-08.json", redline.get("/articles/seed-08/versions"));
    }

    @Test
    @Order(3)
    void diffOfTheRewritePairInEveryFormat() {
        pin("diff-seed-07-08.json", redline.get("/diff?from=seed-07&to=seed-08"));
        pin("diff-seed-07-08.txt", redline.get("/diff?from=seed-07&to=seed-08&format=unified"));
        pin("diff-seed-07-08.html", redline.get("/diff?from=seed-07&to=seed-08&format=html"));
    }

    @Test
    @Order(4)
    void diffOfPostedTexts() {
        JsonNode a = Fixtures.seed("seed-07");
        JsonNode b = Fixtures.seed("seed-08");
        pin("diff-posted.json", redline.postJson("/diff", Map.of(
                "from", Map.of("title", a.get("title").asText(), "body", a.get("body").asText()),
                "to", Map.of("title", b.get("title").asText(), "body", b.get("body").asText()))));
    }

    @Test
    @Order(5)
    void checkAndPairExplanation() {
        JsonNode b = Fixtures.seed("seed-08");
        pin("check-seed-08.json", redline.postJson("/check", Map.of("title", b.get("title").asText(),
                "body", b.get("body").asText())));
        pin("similar-seed-07-08.json", redline.get("/articles/seed-07/similar/seed-08"));
    }

    @Test
    @Order(6)
    void ingestsAndTheStoryTheyJoin() {
        JsonNode b = Fixtures.seed("seed-08");
        String body = b.get("body").asText();
        pin("ingest-created.json", redline.postJson("/articles", Map.of("id", "pinned-rewrite",
                "title", b.get("title").asText(), "body", body.replaceFirst("\n\n", "\n\nA new opening line.\n\n"),
                "publishedAt", "2017-11-04T09:00:00Z", "source", "pinned", "url", "https://example.org/pinned")));
        RunningRedline.Reply updated = redline.postJson("/articles", Map.of("id", "pinned-rewrite",
                "title", "Islamic State reduced to a pair of towns", "body", body,
                "publishedAt", "2017-11-04T10:00:00Z"));
        pin("ingest-updated.json", updated);
        long story = updated.json().get("storyId").asLong();
        pin("timeline.json", redline.get("/stories/" + story + "/timeline"));
        pin("timeline.html", redline.get("/stories/" + story + "/timeline?format=html"));
        pin("story-diff.json", redline.get("/stories/" + story + "/diff?from=1"));
    }

    @Test
    @Order(7)
    void openApiSchemasOfTheseAnswers() {
        RunningRedline.Reply reply = redline.get("/openapi.json");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode all = reply.json().path("components").path("schemas");
        ObjectNode chosen = JSON.createObjectNode();
        for (String name : SCHEMAS) {
            assertThat(all.has(name)).as("schema " + name).isTrue();
            chosen.set(name, all.get(name));
        }
        try {
            pin("openapi-schemas.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(chosen) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pin(String file, RunningRedline.Reply reply) {
        assertThat(reply.status()).as(file + ": " + reply.body()).isBetween(200, 201);
        pin(file, reply.body());
    }

    private static void pin(String file, String body) {
        Matcher m = CLOCK.matcher(body);
        while (m.find()) {
            assertThat(m.group(2)).as(file + " " + m.group(1)).matches(INSTANT);
        }
        String stable = m.replaceAll("\"$1\":\"<clock>\"");
        Path path = DIR.resolve(file);
        try {
            if (RECORD) {
                Files.createDirectories(DIR);
                Files.writeString(path, stable, StandardCharsets.UTF_8);
            }
            assertThat(Files.exists(path)).as(path + " (record it with -Dredline.pin.record=true)").isTrue();
            assertThat(stable).as(file).isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
