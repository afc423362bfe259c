package io.redline.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.Fixtures;
import io.redline.testing.HostileRequests;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated hostile requests against every endpoint of the real service at its shipped limits, on
 * H2 and PostgreSQL: never a 5xx, every error a JSON body with its code, no answer slower than the time budget
 * allows, and the store unchanged by every request that was refused (bulk: changed by exactly the lines it
 * acknowledged).
 */
class HostileInputTest {
    private static final int PROBES = 2_000;
    /** The shipped budget is 5 s; a refused request must come back well within it, a worked one just after it. */
    private static final long MAX_MILLIS = 8_000;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void hostileRequestsAreRefusedCleanlyAndChangeNothing(TestDatabase.Kind kind) throws Exception {
        try (RunningRedline redline = new RunningRedline(TestDatabase.create(kind))) {
            assertThat(redline.post("/articles/bulk", "application/x-ndjson", Files.readString(Fixtures.SEEDS)).status())
                    .isEqualTo(200);
            List<String> seeds = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                seeds.add(String.format("seed-%02d", i));
            }
            Map<String, Integer> outcomes = new TreeMap<>();
            long slowest = 0;
            HostileRequests.Probe previous = null;
            for (HostileRequests.Probe probe : new HostileRequests(20261126L, seeds).generate(PROBES)) {
                // only writes can change the store; the read endpoints have no code path that writes
                boolean write = probe.method().equals("DELETE") || probe.path().startsWith("/articles");
                JsonNode before = write ? redline.get("/stats").json() : null;
                long started = System.nanoTime();
                RunningRedline.Reply r;
                try {
                    r = redline.sendBytes(probe.method(), probe.path(), probe.body(), probe.headers());
                } catch (RuntimeException e) {
                    throw new AssertionError("no answer to " + probe + " (after " + previous + ")", e);
                }
                previous = probe;
                long millis = (System.nanoTime() - started) / 1_000_000;
                JsonNode after = write ? redline.get("/stats").json() : null;
                slowest = Math.max(slowest, millis);

                assertThat(r.status()).as("%s answered %s", probe, r.body()).isLessThan(500);
                assertThat(millis).as("%s took %d ms", probe, millis).isLessThan(MAX_MILLIS);
                if (r.status() >= 400) {
                    assertThat(r.contentType()).as("%s answered %s", probe, r.body()).startsWith("application/json");
                    assertThat(r.json().get("code").asInt()).as(probe.toString()).isEqualTo(r.status());
                    assertThat(r.json().get("message").asText()).as(probe.toString()).isNotBlank();
                    if (write) {
                        assertUnchanged(probe, before, after, 0);
                    }
                } else if (probe.path().startsWith("/articles/bulk")) {
                    long stored = r.lines().stream().filter(l -> !l.has("error"))
                            .filter(l -> !l.get("status").asText().equals("UNCHANGED")).count();
                    assertUnchanged(probe, before, after, stored);
                }
                outcomes.merge(probe.kind().replaceAll(" .*", "") + " " + r.status(), 1, Integer::sum);
            }
            // the seeds are still there, whole
            for (String id : seeds) {
                assertThat(redline.get("/articles/" + id).status()).as(id).isEqualTo(200);
            }
            System.out.println(kind + " hostile outcomes: " + outcomes + "; slowest answer " + slowest + " ms");
        }
    }

    /** A refused request leaves the versions as they were; {@code stored} is how many a bulk request acknowledged. */
    private static void assertUnchanged(HostileRequests.Probe probe, JsonNode before, JsonNode after, long stored) {
        assertThat(after.get("versions").asLong()).as("versions after %s", probe)
                .isEqualTo(before.get("versions").asLong() + stored);
        if (stored == 0) {
            assertThat(after.get("articles").asLong()).as("articles after %s", probe).isEqualTo(before.get("articles").asLong());
            assertThat(after.get("stories").asLong()).as("stories after %s", probe).isEqualTo(before.get("stories").asLong());
        }
    }
}
