package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /openapi.json} and {@code /openapi.yaml} over HTTP: every resource method is described with exactly the
 * error statuses the README's API table gives it; the README's request bodies, every example in the description
 * and real answers of the running service validate against the schemas (networknt's validator with the OpenAPI
 * 3.0 dialect: types, required fields, nullability).
 */
class ApiDescriptionTest {
    private static final List<Class<?>> RESOURCES = List.of(ArticleResource.class, BulkResource.class,
            CheckResource.class, StoryResource.class, DiffResource.class, StatsResource.class, PageResource.class,
            SubscriptionResource.class, FeedResource.class);
    /** The README's sentence under the API table, and the statuses it gives every call in the table. */
    private static final String EVERY_CALL = "Every call in this table can also answer 401 and 403";
    private static final Set<Integer> COMMON = Set.of(401, 403, 503);
    private static final String DOCUMENT = "https://redline.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningRedline redline;
    private static JsonNode api;
    private static SchemaRegistry schemas;

    @BeforeAll
    static void start() {
        redline = new RunningRedline(TestDatabase.h2());
        RunningRedline.Reply reply = redline.get("/openapi.json");
        assertThat(reply.status()).isEqualTo(200);
        api = reply.json();
        // the served document is the only one the validator reads: its $refs resolve inside it
        schemas = SchemaRegistry.withDialect(Dialects.getOpenApi30(), b -> b.schemas(Map.of(DOCUMENT, reply.body())));
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void everyResourceMethodIsDescribedInJsonAndYaml() {
        assertThat(api.get("openapi").asText()).startsWith("3.0");
        List<String> missing = new ArrayList<>();
        for (String operation : operations()) {
            if (operation(operation).isMissingNode()) {
                missing.add(operation);
            }
        }
        assertThat(missing).as("resource methods missing from /openapi.json").isEmpty();
        RunningRedline.Reply yaml = redline.get("/openapi.yaml");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).startsWith("openapi: 3.");
    }

    @Test
    void eachOperationAnswersExactlyTheErrorStatusesTheReadmeTableListsWithTheErrorBodySchema() throws IOException {
        String readme = Files.readString(java.nio.file.Path.of("README.md"));
        assertThat(readme).contains(EVERY_CALL);
        Map<String, Set<Integer>> listed = readmeErrorStatuses(readme);
        assertThat(listed.keySet()).as("calls of the README's API table").containsAll(operations().stream()
                .filter(o -> !o.equals("GET /") && !o.equals("GET /favicon.ico")).toList());
        Map<String, String> wrong = new TreeMap<>();
        for (Map.Entry<String, Set<Integer>> call : listed.entrySet()) {
            JsonNode responses = operation(call.getKey()).path("responses");
            Set<Integer> described = new TreeSet<>();
            for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                String code = codes.next();
                if (code.matches("[45]\\d\\d")) {
                    described.add(Integer.parseInt(code));
                    assertThat(responses.path(code).path("content").path("application/json").path("schema")
                            .path("$ref").asText()).as(call.getKey() + " " + code).endsWith("/ErrorBody");
                }
            }
            Set<Integer> expected = new TreeSet<>(call.getValue());
            expected.addAll(COMMON);
            if (!described.equals(expected)) {
                wrong.put(call.getKey(), "README " + expected + ", described " + described);
            }
        }
        assertThat(wrong).as("error statuses of the README's table against /openapi.json").isEmpty();
    }

    @Test
    void theReadmesRequestBodiesAreTheDescriptionsExamplesAndValidateAgainstTheirSchemas() throws IOException {
        Map<String, JsonNode> bodies = readmeRequestBodies();
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(4);
        for (Map.Entry<String, JsonNode> body : bodies.entrySet()) {
            String operation = "POST " + body.getKey().split(" ")[0];
            JsonNode media = operation(operation).path("requestBody").path("content").path("application/json");
            assertThat(media.isMissingNode()).as(operation + " has a JSON request body").isFalse();
            assertThat(errors(pointer(operation, "requestBody/content/application~1json/schema"), body.getValue()))
                    .as("README body of " + operation).isEmpty();
            List<JsonNode> examples = new ArrayList<>();
            media.path("examples").forEach(e -> examples.add(e.path("value")));
            assertThat(examples).as("examples of " + operation).contains(body.getValue());
        }
    }

    @Test
    void theSchemasRefuseWhatTheServiceRefuses() throws IOException {
        String schema = pointer("POST /articles", "requestBody/content/application~1json/schema");
        assertThat(errors(schema, JSON.readTree("{\"id\": \"a\", \"body\": \"text\"}"))).isEmpty();
        // a number is not a text (the service answers 400 naming the field), and body is required (422)
        assertThat(errors(schema, JSON.readTree("{\"id\": \"a\", \"body\": 123}"))).isNotEmpty();
        assertThat(errors(schema, JSON.readTree("{\"id\": \"a\", \"title\": \"no body\"}"))).isNotEmpty();
        String diff = pointer("POST /diff", "requestBody/content/application~1json/schema");
        assertThat(errors(diff, JSON.readTree("{\"from\": {\"body\": \"a\"}, \"to\": {\"title\": \"b\"}}"))).isNotEmpty();
        String error = pointer("GET /articles/{id}", "responses/404/content/application~1json/schema");
        assertThat(errors(error, JSON.readTree("{\"message\": \"no code\"}"))).isNotEmpty();
    }

    @Test
    void everyExampleInTheDescriptionValidatesAgainstItsSchema() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String base = "/paths/" + path.getKey().replace("~", "~0").replace("/", "~1") + "/" + op.getKey();
                List<String> media = new ArrayList<>();
                op.getValue().path("requestBody").path("content").fieldNames().forEachRemaining(m ->
                        media.add("/requestBody/content/" + m.replace("/", "~1")));
                op.getValue().path("responses").fields().forEachRemaining(r -> r.getValue().path("content").fieldNames()
                        .forEachRemaining(m -> media.add("/responses/" + r.getKey() + "/content/" + m.replace("/", "~1"))));
                for (String m : media) {
                    JsonNode content = api.at(base + m);
                    for (Iterator<Map.Entry<String, JsonNode>> ex = content.path("examples").fields(); ex.hasNext(); ) {
                        Map.Entry<String, JsonNode> example = ex.next();
                        checked++;
                        List<Error> errors = errors(DOCUMENT + "#" + base + m + "/schema", example.getValue().path("value"));
                        if (!errors.isEmpty()) {
                            failures.add(op.getKey() + " " + path.getKey() + m + " " + example.getKey() + ": " + errors);
                        }
                    }
                }
            }
        }
        assertThat(checked).as("examples checked").isGreaterThanOrEqualTo(60);
        assertThat(failures).isEmpty();
    }

    @Test
    void realAnswersOfTheRunningServiceValidateAgainstTheirSchemas() {
        List<String> failures = new ArrayList<>();
        RunningRedline.Reply stored = redline.post("/articles", "application/json", Examples.ARTICLE);
        check(failures, "POST /articles", stored, 201);
        long story = stored.json().get("storyId").asLong();
        check(failures, "POST /articles", redline.post("/articles", "application/json", Examples.ARTICLE), 200);
        check(failures, "POST /check", redline.post("/check", "application/json", Examples.CHECK), 200);
        check(failures, "POST /diff", redline.post("/diff", "application/json", Examples.DIFF), 200);
        check(failures, "GET /articles/{id}", redline.get("/articles/flood-1"), 200);
        check(failures, "GET /articles/{id}/versions", redline.get("/articles/flood-1/versions"), 200);
        check(failures, "GET /stories/{id}", redline.get("/stories/" + story), 200);
        check(failures, "GET /stories", redline.get("/stories?page=0&size=20"), 200);
        check(failures, "GET /stories/{id}/timeline", redline.get("/stories/" + story + "/timeline"), 200);
        check(failures, "GET /stories/{id}/blame", redline.get("/stories/" + story + "/blame"), 200);
        check(failures, "GET /stats", redline.get("/stats"), 200);
        check(failures, "GET /subscriptions", redline.get("/subscriptions"), 200);
        // without the optional fields, which are then null
        String bare = "{\"id\": \"bare\", \"body\": \"Only a body.\\n\\nIn two paragraphs.\"}";
        long bareStory = redline.post("/articles", "application/json", bare).json().get("storyId").asLong();
        check(failures, "GET /articles/{id}", redline.get("/articles/bare"), 200);
        check(failures, "GET /stories/{id}", redline.get("/stories/" + bareStory), 200);
        check(failures, "GET /stories/{id}/timeline", redline.get("/stories/" + bareStory + "/timeline"), 200);
        // errors: each in the ErrorBody shape its status is described with
        check(failures, "GET /articles/{id}", redline.get("/articles/flood-9"), 404);
        check(failures, "POST /articles", redline.post("/articles", "application/json", "{\"id\": \"a\", \"body\": 123}"), 400);
        check(failures, "POST /articles", redline.post("/articles", "application/json", "{\"id\": \"a\"}"), 422);
        check(failures, "POST /articles", redline.post("/articles", "text/plain", "hello"), 415);
        check(failures, "GET /stories", redline.get("/stories?size=nine"), 400);
        check(failures, "GET /feed", redline.get("/feed?relation=NEW"), 422);
        check(failures, "POST /subscriptions", redline.post("/subscriptions", "application/json", "{\"url\": \"ftp://x\"}"), 422);
        assertThat(failures).isEmpty();
    }

    private static void check(List<String> failures, String operation, RunningRedline.Reply reply, int status) {
        assertThat(reply.status()).as(operation + " answered " + reply.body()).isEqualTo(status);
        String code = Integer.toString(status);
        assertThat(operation(operation).path("responses").has(code)).as(operation + " describes " + code).isTrue();
        List<Error> errors = errors(pointer(operation, "responses/" + code + "/content/application~1json/schema"), reply.json());
        if (!errors.isEmpty()) {
            failures.add(operation + " " + status + ": " + errors);
        }
    }

    private static List<Error> errors(String schemaLocation, JsonNode instance) {
        Schema schema = schemas.getSchema(SchemaLocation.of(schemaLocation));
        return schema.validate(instance);
    }

    /** The location of something under an operation ("POST /articles") of the served document. */
    private static String pointer(String operation, String under) {
        String[] parts = operation.split(" ", 2);
        return DOCUMENT + "#/paths/" + parts[1].replace("~", "~0").replace("/", "~1") + "/"
                + parts[0].toLowerCase() + "/" + under;
    }

    private static JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        return api.path("paths").path(parts[1]).path(parts[0].toLowerCase());
    }

    /** "GET /stories/{id}" for every HTTP method of every resource, path parameters without their patterns. */
    private static TreeSet<String> operations() {
        TreeSet<String> operations = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.isAnnotationPresent(Path.class) ? resource.getAnnotation(Path.class).value() : "";
            for (Method method : resource.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST"
                        : method.isAnnotationPresent(PUT.class) ? "PUT" : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                String sub = method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "";
                String path = ("/" + base + "/" + sub).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
                operations.add(verb + " " + (path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path));
            }
        }
        assertThat(operations).hasSizeGreaterThan(10);
        return operations;
    }

    /**
     * The calls of the README's API table ("GET /stories/{id}", query strings dropped) with the error statuses of
     * the row's third column.
     */
    private static Map<String, Set<Integer>> readmeErrorStatuses(String readme) {
        int start = readme.indexOf("\n## API\n");
        int end = readme.indexOf(EVERY_CALL, start);
        assertThat(start).isPositive();
        Map<String, Set<Integer>> calls = new LinkedHashMap<>();
        Pattern call = Pattern.compile("`(GET|POST|DELETE|PUT) (/[^`?\\s]*)");
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            assertThat(cells.length).as("cells of " + line).isBetween(3, 4);
            Set<Integer> codes = new TreeSet<>();
            Matcher code = Pattern.compile("\\b([45]\\d\\d)\\b").matcher(cells.length > 3 ? cells[3] : "");
            while (code.find()) {
                codes.add(Integer.parseInt(code.group(1)));
            }
            Matcher m = call.matcher(cells[1]);
            while (m.find()) {
                if (!m.group(2).startsWith("/openapi.")) { // swagger-core's own resource, not in the description
                    calls.put(m.group(1) + " " + m.group(2), codes);
                }
            }
        }
        return calls;
    }

    /** The JSON bodies the README sends with curl, by "path #n". */
    private static Map<String, JsonNode> readmeRequestBodies() throws IOException {
        // a command continued over lines with a backslash, on one line
        String readme = Files.readString(java.nio.file.Path.of("README.md")).replace("\\\n", " ");
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        Matcher m = Pattern.compile("curl [^\\n]*").matcher(readme);
        while (m.find()) {
            String command = m.group();
            Matcher body = Pattern.compile("-d '(\\{.*?\\})'", Pattern.DOTALL).matcher(command);
            Matcher target = Pattern.compile("localhost:8080(/[\\w/-]+)").matcher(command);
            if (body.find() && target.find()) {
                bodies.put(target.group(1) + " #" + bodies.size(), JSON.readTree(body.group(1)));
            }
        }
        return bodies;
    }
}
