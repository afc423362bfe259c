package io.redline.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped config.yml: no keys, loopback only. Another site cannot write through a browser, a form's
 * text/plain body is refused, and every answer carries the browser-hardening headers.
 */
class LocalModeTest {
    private static final String ARTICLE = "{\"id\":\"%s\",\"title\":\"Storm\",\"body\":\"Rescue teams searched the flooded "
            + "valley for a third day on Tuesday as the river kept rising near the old mill.\"}";
    private static RunningRedline redline;

    @BeforeAll
    static void start() {
        // forwarded headers on, as behind a proxy: they must not open a way around the checks
        redline = new RunningRedline(TestDatabase.h2(), "server.applicationConnectors[0].useForwardedHeaders", "true");
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void aFormsTextPlainBulkIsRefusedWith415AndStoresNothing() {
        RunningRedline.Reply r = redline.post("/articles/bulk", "text/plain", ARTICLE.formatted("plain-1"));
        assertJsonError(r, 415);
        assertThat(redline.get("/articles/plain-1").status()).isEqualTo(404);
        RunningRedline.Reply form = redline.post("/articles", "application/x-www-form-urlencoded", "id=x&body=y");
        assertJsonError(form, 415);
    }

    @Test
    void aWriteFromAnotherOriginIsRefusedAndStoresNothing() {
        String body = ARTICLE.formatted("cross-1");
        RunningRedline.Reply refused = redline.send("POST", "/articles", "application/json", body, "Origin", "https://evil.example");
        assertJsonError(refused, 403);
        // the body was not read: the connection is not reused for the next request
        assertThat(refused.header("Connection")).isEqualTo("close");
        assertJsonError(redline.send("POST", "/articles/bulk", "application/x-ndjson", body,
                "Sec-Fetch-Site", "cross-site"), 403);
        assertJsonError(redline.send("POST", "/articles", "application/json", body, "Origin", "null"), 403);
        // same host, other port: another origin
        String otherPort = "http://localhost:" + (URI.create(redline.url("/")).getPort() + 1);
        assertJsonError(redline.send("POST", "/articles", "application/json", body, "Origin", otherPort), 403);
        assertThat(redline.get("/articles/cross-1").status()).isEqualTo(404);
        assertJsonError(redline.send("POST", redline.adminUrl("/tasks/gc"), null, null,
                "Origin", "https://evil.example"), 403);
    }

    @Test
    void aWriteFromTheSameOriginOrWithoutBrowserHeadersPasses() {
        String own = redline.url("").replaceAll("/$", "");
        RunningRedline.Reply r = redline.send("POST", "/articles", "application/json", ARTICLE.formatted("same-1"),
                "Origin", own, "Sec-Fetch-Site", "same-origin");
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        assertThat(redline.postJson("/articles", ARTICLE.formatted("curl-1")).status()).isBetween(200, 201);
        // reads are not checked: a cross-origin page cannot read the answer anyway
        assertThat(redline.send("GET", "/stats", null, null, "Sec-Fetch-Site", "cross-site").status()).isEqualTo(200);
    }

    @Test
    void aRequestAddressedToAnotherHostNameIsRefusedWithoutKeys() throws IOException {
        // DNS rebinding: a page on evil.example, whose name now points at 127.0.0.1, calls the local service;
        // being same-origin then, its script may add any header
        int port = URI.create(redline.url("/")).getPort();
        assertThat(rawGet(port, "Host: evil.example:" + port)).startsWith("HTTP/1.1 403")
                .contains("only requests addressed to localhost");
        assertThat(rawGet(port, "Host: evil.example:" + port + "\r\nX-Forwarded-Host: localhost:" + port))
                .startsWith("HTTP/1.1 403");
        assertThat(rawGet(port, "Host: localhost:" + port + "\r\nForwarded: for=192.0.2.7;host=localhost"))
                .startsWith("HTTP/1.1 403");
        assertThat(rawGet(port, "Host: 127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
        assertThat(rawGet(port, "Host: [::1]:" + port)).startsWith("HTTP/1.1 200");
    }

    private static String rawGet(int port, String headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /stats HTTP/1.1\r\n" + headers + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        redline.postJson("/articles", ARTICLE.formatted("h-1"));
        redline.postJson("/articles", ARTICLE.formatted("h-2").replace("old mill", "old mill and the bridge"));
        Map<String, RunningRedline.Reply> answers = Map.of(
                "page", redline.get("/"),
                "script", redline.get("/ui/app.js"),
                "api", redline.get("/stats"),
                "error", redline.get("/articles/none"),
                "html diff", redline.send("GET", "/diff?from=h-1&to=h-2&format=html", null, null, "Accept", "text/html"),
                "admin", redline.getAdmin("/healthcheck"));
        answers.forEach((what, r) -> {
            assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
            assertThat(r.header("Content-Security-Policy")).as(what)
                    .contains("default-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
        });
        assertThat(answers.get("page").header("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.PAGE_POLICY)
                .doesNotContain("unsafe-inline");
        assertThat(answers.get("api").header("Cache-Control")).isEqualTo("no-store");
        assertThat(answers.get("html diff").header("Cache-Control")).isEqualTo("no-store");
        assertThat(answers.get("html diff").contentType()).startsWith("text/html");
        assertThat(answers.get("html diff").header("Content-Security-Policy"))
                .isEqualTo(SecurityHeadersFilter.DOCUMENT_POLICY).doesNotContain("script-src");
    }

    @Test
    void frameworkErrorsAreJsonToo() {
        assertJsonError(redline.get("/no/such/path"), 404);
        assertJsonError(redline.send("PUT", "/stats", "application/json", "{}"), 405);
        assertJsonError(redline.send("GET", "/stats", null, null, "Accept", "image/png"), 406);
    }

    private static void assertJsonError(RunningRedline.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(r.body()).startsWith("application/json");
        JsonNode json = r.json();
        assertThat(json.get("code").asInt()).isEqualTo(status);
        assertThat(json.get("message").asText()).isNotBlank();
    }
}
