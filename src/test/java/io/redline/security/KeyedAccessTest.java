package io.redline.security;

import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.redline.security.KeyedConfig.ADMIN_KEY;
import static io.redline.security.KeyedConfig.READ_KEY;
import static io.redline.security.KeyedConfig.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With keys configured, listening on all interfaces: every call needs a key of the right role (401 without a
 * valid one, 403 with too low a role), and the page itself stays open.
 */
class KeyedAccessTest {
    private static final String ARTICLE = "{\"id\":\"%s\",\"title\":\"Storm\",\"body\":\"Rescue teams searched the flooded "
            + "valley for a third day on Tuesday as the river kept rising near the old mill.\"}";
    private static final String CHECK = "{\"body\":\"Rescue teams searched the flooded valley for a third day.\"}";
    private static RunningRedline redline;

    @BeforeAll
    static void start() {
        // beyond loopback: allowed because keys are configured
        redline = RunningRedline.withConfig(KeyedConfig.write().file(), TestDatabase.h2(),
                "server.applicationConnectors[0].bindHost", "0.0.0.0", "server.adminConnectors[0].bindHost", "0.0.0.0");
    }

    @AfterAll
    static void stop() {
        redline.close();
    }

    @Test
    void withoutAValidKeyEveryKindOfCallIsA401() {
        for (String key : new String[]{null, "", "not-a-key-0123456789", READ_KEY + "x", READ_KEY.substring(1)}) {
            String[] headers = key == null ? new String[0] : new String[]{"X-Api-Key", key};
            String as = "key " + key;
            assertRefused(redline.send("GET", "/stats", null, null, headers), 401, as);
            assertRefused(redline.send("GET", "/stories", null, null, headers), 401, as);
            assertRefused(redline.send("POST", "/check", "application/json", CHECK, headers), 401, as);
            assertRefused(redline.send("POST", "/articles", "application/json", ARTICLE.formatted("k-0"), headers), 401, as);
            assertRefused(redline.send("POST", "/articles/bulk", "application/x-ndjson", ARTICLE.formatted("k-0"), headers), 401, as);
            assertRefused(redline.send("DELETE", "/articles/k-0", null, null, headers), 401, as);
            assertRefused(redline.send("POST", redline.adminUrl("/tasks/gc"), null, null, headers), 401, as);
            assertRefused(redline.send("GET", redline.adminUrl("/metrics"), null, null, headers), 401, as);
            assertRefused(redline.send("GET", redline.adminUrl("/threads"), null, null, headers), 401, as);
        }
        RunningRedline.Reply r = redline.get("/stats");
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(r.json().get("message").asText()).contains("X-Api-Key");
        assertThat(redline.get("/articles/k-0").status()).isEqualTo(401);
    }

    @Test
    void aKeyInTheQueryStringIsNotAccepted() {
        assertRefused(redline.get("/stats?api_key=" + READ_KEY + "&key=" + READ_KEY + "&X-Api-Key=" + READ_KEY), 401, "query");
    }

    @Test
    void aReadKeyReadsAndChecksButCannotWriteOrAdminister() {
        assertThat(redline.send("GET", "/stats", null, null, "X-Api-Key", READ_KEY).status()).isEqualTo(200);
        assertThat(redline.send("POST", "/check", "application/json", CHECK, "X-Api-Key", READ_KEY).status()).isEqualTo(200);
        RunningRedline.Reply store = redline.send("POST", "/articles", "application/json", ARTICLE.formatted("r-1"),
                "X-Api-Key", READ_KEY);
        assertRefused(store, 403, "store");
        assertThat(store.json().get("message").asText()).isEqualTo("the key 'reader' has the read role; this call needs write");
        assertRefused(redline.send("POST", "/articles/bulk", "application/x-ndjson", ARTICLE.formatted("r-1"),
                "X-Api-Key", READ_KEY), 403, "bulk");
        assertRefused(redline.send("DELETE", "/articles/r-1", null, null, "X-Api-Key", READ_KEY), 403, "delete");
        assertRefused(redline.send("POST", redline.adminUrl("/tasks/gc"), null, null, "X-Api-Key", READ_KEY), 403, "gc");
        assertThat(redline.send("GET", "/articles/r-1", null, null, "X-Api-Key", READ_KEY).status()).isEqualTo(404);
    }

    @Test
    void aWriteKeyStoresAndDeletesButCannotAdminister() {
        RunningRedline.Reply stored = redline.send("POST", "/articles", "application/json", ARTICLE.formatted("w-1"),
                "X-Api-Key", WRITE_KEY);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        RunningRedline.Reply bulk = redline.send("POST", "/articles/bulk", "application/x-ndjson", ARTICLE.formatted("w-2"),
                "Authorization", "Bearer " + WRITE_KEY);
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(redline.send("GET", "/articles/w-2", null, null, "Authorization", "bearer " + READ_KEY).status())
                .isEqualTo(200);
        assertThat(redline.send("DELETE", "/articles/w-1", null, null, "X-Api-Key", WRITE_KEY).status()).isBetween(200, 204);
        assertRefused(redline.send("POST", redline.adminUrl("/tasks/gc"), null, null, "X-Api-Key", WRITE_KEY), 403, "gc");
        assertRefused(redline.send("GET", redline.adminUrl("/threads"), null, null, "X-Api-Key", WRITE_KEY), 403, "threads");
    }

    @Test
    void anAdminKeyRunsTasksAndHealthChecksStayOpen() {
        assertThat(redline.send("POST", redline.adminUrl("/tasks/gc"), null, null, "X-Api-Key", ADMIN_KEY).status())
                .isEqualTo(200);
        assertThat(redline.send("GET", redline.adminUrl("/metrics"), null, null, "X-Api-Key", ADMIN_KEY).status())
                .isEqualTo(200);
        assertThat(redline.send("GET", "/stats", null, null, "X-Api-Key", ADMIN_KEY).status()).isEqualTo(200);
        assertThat(redline.getAdmin("/healthcheck").status()).isEqualTo(200);
        assertThat(redline.getAdmin("/ping").status()).isEqualTo(200);
    }

    @Test
    void thePageAndItsFilesNeedNoKey() {
        assertThat(redline.get("/").status()).isEqualTo(200);
        assertThat(redline.get("/ui/app.js").status()).isEqualTo(200);
        assertThat(redline.get("/ui/style.css").status()).isEqualTo(200);
        assertThat(redline.get("/").header("Content-Security-Policy")).isEqualTo(SecurityHeadersFilter.PAGE_POLICY);
    }

    @Test
    void theOriginCheckStillAppliesWithAKey() {
        assertRefused(redline.send("POST", "/articles", "application/json", ARTICLE.formatted("o-1"),
                "X-Api-Key", WRITE_KEY, "Origin", "https://evil.example"), 403, "origin");
    }

    private static void assertRefused(RunningRedline.Reply r, int status, String what) {
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(what).startsWith("application/json");
        assertThat(r.json().get("code").asInt()).as(what).isEqualTo(status);
    }
}
