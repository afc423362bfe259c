package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /openapi.json} and {@code /openapi.yaml} over HTTP: every resource method is described, and every JSON
 * request body the README shows for a described operation uses only fields of that operation's request schema.
 */
class ApiDescriptionTest {
    private static final List<Class<?>> RESOURCES = List.of(ArticleResource.class, BulkResource.class,
            CheckResource.class, StoryResource.class, DiffResource.class, StatsResource.class, PageResource.class,
            SubscriptionResource.class, FeedResource.class);


    @Test
    void everyResourceMethodIsDescribedAndTheReadmesRequestBodiesFitTheirSchemas() throws IOException {
        try (RunningRedline redline = new RunningRedline(TestDatabase.h2())) {
            RunningRedline.Reply reply = redline.get("/openapi.json");
            assertThat(reply.status()).isEqualTo(200);
            JsonNode api = reply.json();
            assertThat(api.get("openapi").asText()).startsWith("3.");

            List<String> missing = new ArrayList<>();
            for (String operation : operations()) {
                String[] parts = operation.split(" ", 2);
                JsonNode path = api.path("paths").path(parts[1]);
                if (path.path(parts[0].toLowerCase()).isMissingNode()) {
                    missing.add(operation);
                }
            }
            assertThat(missing).as("resource methods missing from /openapi.json").isEmpty();

            List<String> unknownFields = new ArrayList<>();
            int checked = 0;
            for (Map.Entry<String, JsonNode> example : readmeRequestBodies().entrySet()) {
                String path = example.getKey().split(" ")[0];
                JsonNode schema = requestSchema(api, path);
                if (schema == null) {
                    continue;
                }
                checked++;
                for (Iterator<String> names = example.getValue().fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (schema.path("properties").path(name).isMissingNode()) {
                        unknownFields.add(path + ": " + name);
                    }
                }
            }
            assertThat(checked).as("README request bodies checked").isGreaterThanOrEqualTo(3);
            assertThat(unknownFields).as("README request fields not in the schema").isEmpty();

            RunningRedline.Reply yaml = redline.get("/openapi.yaml");
            assertThat(yaml.status()).isEqualTo(200);
            assertThat(yaml.body()).startsWith("openapi: 3.");
        }
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

    /** The JSON bodies the README sends with curl, by "path #n". */
    private static Map<String, JsonNode> readmeRequestBodies() throws IOException {
        // a command continued over lines with a backslash, on one line
        String readme = Files.readString(java.nio.file.Path.of("README.md")).replace("\\\n", " ");
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> bodies = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("curl [^\\n]*").matcher(readme);
        while (m.find()) {
            String command = m.group();
            Matcher body = Pattern.compile("-d '(\\{.*?\\})'", Pattern.DOTALL).matcher(command);
            Matcher target = Pattern.compile("localhost:8080(/[\\w/-]+)").matcher(command);
            if (body.find() && target.find()) {
                bodies.put(target.group(1) + " #" + bodies.size(), json.readTree(body.group(1)));
            }
        }
        return bodies;
    }

    /** The schema of the JSON request body of POST {@code path}, its $ref resolved; null when there is none. */
    private static JsonNode requestSchema(JsonNode api, String path) {
        JsonNode schema = api.path("paths").path(path).path("post").path("requestBody").path("content")
                .path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            schema = api.path("components").path("schemas").path(name);
        }
        return schema;
    }
}
