package io.redline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.redline.RedlineApplication;
import io.redline.RedlineConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real application, started from the project's config.yml on random ports against a test database,
 * and a plain HTTP client to talk to it. Close it to stop the server; the database stays.
 */
public final class RunningRedline implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DropwizardTestSupport<RedlineConfiguration> support;
    private final HttpClient http = HttpClient.newHttpClient();

    public RunningRedline(TestDatabase database, String... extraOverrides) {
        this("config.yml", database, extraOverrides);
    }

    /** Started from another configuration file, e.g. one with API keys written by a test. */
    public static RunningRedline withConfig(Path configFile, TestDatabase database, String... extraOverrides) {
        return new RunningRedline(configFile.toAbsolutePath().toString(), database, extraOverrides);
    }

    private RunningRedline(String configPath, TestDatabase database, String... extraOverrides) {
        List<ConfigOverride> overrides = new ArrayList<>();
        for (String[] o : database.configOverrides()) {
            overrides.add(ConfigOverride.config(o[0], o[1]));
        }
        for (int i = 0; i + 1 < extraOverrides.length; i += 2) {
            overrides.add(ConfigOverride.config(extraOverrides[i], extraOverrides[i + 1]));
        }
        overrides.add(ConfigOverride.config("server.applicationConnectors[0].port", "0"));
        overrides.add(ConfigOverride.config("server.adminConnectors[0].port", "0"));
        support = new DropwizardTestSupport<>(RedlineApplication.class, configPath,
                overrides.toArray(new ConfigOverride[0]));
        try {
            support.before();
        } catch (Exception e) {
            throw new IllegalStateException("Redline did not start", e);
        }
    }

    public String url(String path) {
        return "http://localhost:" + support.getLocalPort() + path;
    }

    public String adminUrl(String path) {
        return "http://localhost:" + support.getAdminPort() + path;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    public Reply getAdmin(String path) {
        return send(HttpRequest.newBuilder(URI.create(adminUrl(path))).GET());
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE());
    }

    public Reply postJson(String path, Object body) {
        try {
            return post(path, "application/json", body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any request, byte for byte: {@code headers} are name, value pairs. */
    public Reply sendBytes(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /**
     * Any request, with headers given as name, value pairs. {@code target} is a path on the application port
     * or a whole URL (e.g. {@link #adminUrl}); {@code body} null sends none.
     */
    public Reply send(String method, String target, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.startsWith("/") ? url(target) : target))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        support.after();
    }

    /** An HTTP answer: status, content type, body and headers, with the body parsed as JSON on demand. */
    public record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {
        public Reply(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        /** The first value of a response header, matched without regard to case; empty when absent. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse("");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }

        /** The JSON error body, after checking that this is an error of {@code expected} status in the API's shape. */
        public JsonNode error(int expected) {
            org.assertj.core.api.Assertions.assertThat(status).as(body).isEqualTo(expected);
            org.assertj.core.api.Assertions.assertThat(contentType).startsWith("application/json");
            JsonNode json = json();
            org.assertj.core.api.Assertions.assertThat(json.get("code").asInt()).isEqualTo(expected);
            org.assertj.core.api.Assertions.assertThat(json.get("message").asText()).isNotBlank();
            return json;
        }

        /** The NDJSON lines of a bulk answer. */
        public List<JsonNode> lines() {
            List<JsonNode> out = new ArrayList<>();
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    out.add(new Reply(status, contentType, line).json());
                }
            }
            return out;
        }
    }
}
