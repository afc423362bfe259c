package io.redline.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.resources.BulkResource;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped under a running Redline, then started again on the same port and data: requests fail fast
 * with 503 JSON and health is red while it is gone, and everything works again when it is back, with the data
 * stored before the outage intact and found by look-ups, without restarting Redline.
 */
class PostgresOutageTest {
    private static final String FLOOD = "Rescue teams searched the flooded valley for a third day on Tuesday as the "
            + "river kept rising past the old stone bridge.\n\nOfficials said more than two hundred homes had been "
            + "evacuated overnight and that the regional hospital was taking patients from the lower town.";
    private static final String BUDGET = "The city council approved a budget on Monday that raises spending on "
            + "schools and bus routes while cutting the cost of street lighting by a fifth.\n\nThe vote followed "
            + "four hours of debate in which residents asked for more money for the public libraries.";
    /** An answer during the outage must come within this; the data source settings aim at about two seconds. */
    private static final long FAST_MILLIS = 5_000;

    @TempDir
    Path data;

    private EmbeddedPostgres postgres;
    private RunningRedline redline;

    @AfterEach
    void stop() throws IOException {
        if (redline != null) {
            redline.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void answers503WhilePostgresIsDownAndRecoversWhenItReturns() throws IOException, InterruptedException {
        int port = freePort();
        postgres = start(port);
        redline = new RunningRedline(new TestDatabase(TestDatabase.Kind.POSTGRES,
                postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"));
        assertThat(redline.postJson("/articles", Map.of("id", "flood", "title", "Flood", "body", FLOOD)).status())
                .isEqualTo(201);
        assertThat(redline.getAdmin("/healthcheck").status()).isEqualTo(200);

        postgres.close();
        postgres = null;

        long slowest = 0;
        slowest = Math.max(slowest, expectUnavailable(() -> redline.postJson("/articles",
                Map.of("id", "budget", "title", "Budget", "body", BUDGET))));
        slowest = Math.max(slowest, expectUnavailable(() -> redline.postJson("/check", Map.of("body", FLOOD))));
        slowest = Math.max(slowest, expectUnavailable(() -> redline.get("/articles/flood")));
        slowest = Math.max(slowest, expectUnavailable(() -> redline.get("/stories")));
        RunningRedline.Reply bulk = redline.post("/articles/bulk", BulkResource.NDJSON,
                "{\"id\":\"budget\",\"body\":\"" + BUDGET.replace("\n", "\\n") + "\"}\n");
        assertThat(bulk.lines()).singleElement().satisfies(line -> {
            assertThat(line.get("error").get("code").asInt()).isEqualTo(503);
            assertThat(line.get("error").get("message").asText()).startsWith("the database is unavailable: ");
        });
        RunningRedline.Reply health = redline.getAdmin("/healthcheck");
        assertThat(health.status()).isEqualTo(500);
        JsonNode writable = health.json().get(StoreWriteCheck.NAME);
        assertThat(writable.get("healthy").asBoolean()).isFalse();
        assertThat(writable.get("message").asText()).startsWith("cannot write: ");
        assertThat(writable.get("outage").asText()).isEqualTo("UNREACHABLE");
        System.out.printf("PostgreSQL stopped: slowest 503 answer %d ms%n", slowest);

        long restarted = System.nanoTime();
        postgres = start(port);
        long serverUp = System.nanoTime();
        // a pooled connection validated within the last second (validationInterval) may still be handed out
        // once and fail: recovery is the first success within a few seconds, with no restart
        RunningRedline.Reply back = redline.get("/articles/flood");
        while (back.status() == 503 && System.nanoTime() - serverUp < 5_000_000_000L) {
            Thread.sleep(100);
            back = redline.get("/articles/flood");
        }
        long answered = System.nanoTime();
        System.out.printf("PostgreSQL restarted in %d ms; first request after it answered %d in %d ms%n",
                (serverUp - restarted) / 1_000_000, back.status(), (answered - serverUp) / 1_000_000);

        assertThat(back.status()).isEqualTo(200);
        assertThat(back.json().get("title").asText()).isEqualTo("Flood");
        RunningRedline.Reply healthBack = redline.getAdmin("/healthcheck");
        while (healthBack.status() != 200 && System.nanoTime() - serverUp < 5_000_000_000L) {
            Thread.sleep(100);
            healthBack = redline.getAdmin("/healthcheck");
        }
        assertThat(healthBack.status()).as(healthBack.body()).isEqualTo(200);
        // the band index picks up where it was: the article stored before is found, and a new one is too
        assertThat(matches(redline.postJson("/check", Map.of("body", FLOOD)))).contains("flood");
        assertThat(redline.postJson("/articles", Map.of("id", "budget", "title", "Budget", "body", BUDGET)).status())
                .isEqualTo(201);
        assertThat(matches(redline.postJson("/check", Map.of("body", BUDGET)))).containsExactly("budget");
        assertThat(redline.get("/stories").json().get("total").asLong()).isEqualTo(2);

        JsonNode meters = redline.getAdmin("/metrics").json().get("meters");
        assertThat(meters.get("redline.database.unavailable").get("count").asLong()).isGreaterThanOrEqualTo(4);
        JsonNode timers = redline.getAdmin("/metrics").json().get("timers");
        assertThat(timers.get("redline.ingest").get("count").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aHungServerIsAnsweredWithinTheTimeouts() throws IOException, InterruptedException {
        postgres = start(freePort());
        redline = new RunningRedline(new TestDatabase(TestDatabase.Kind.POSTGRES,
                postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"));
        assertThat(redline.postJson("/articles", Map.of("id", "flood", "title", "Flood", "body", FLOOD)).status())
                .isEqualTo(201);
        List<String> processes = postgresProcesses();
        signal("-STOP", processes);
        try {
            long started = System.nanoTime();
            RunningRedline.Reply health = redline.getAdmin("/healthcheck");
            long healthMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(health.status()).isEqualTo(500);
            assertThat(health.json().get(StoreWriteCheck.NAME).get("healthy").asBoolean()).isFalse();
            // Dropwizard's SELECT 1 check (2 s), ours (2 x 2 s) and the webhook lag check (1 s) run one after the other
            assertThat(healthMillis).isLessThan(9_000);
            // config.yml: socketTimeout 10 s ends the read on a pooled connection, loginTimeout 3 s a new one; a
            // connection another thread (the webhook sender) returned more than validationInterval ago is first
            // validated, and SELECT 1's own timeout cannot cancel on a hung server: up to a second socketTimeout
            long slowest = expectUnavailable(() -> redline.get("/articles/flood"), 24_000);
            System.out.printf("PostgreSQL hung: health red in %d ms, a request 503 in %d ms%n", healthMillis, slowest);
        } finally {
            signal("-CONT", processes);
        }
        long resumed = System.nanoTime();
        assertThat(redline.get("/articles/flood").status()).isEqualTo(200);
        assertThat(redline.getAdmin("/healthcheck").status()).isEqualTo(200);
        System.out.printf("PostgreSQL resumed: answering and green in %d ms%n", (System.nanoTime() - resumed) / 1_000_000);
    }

    /** The postmaster and its children (backends, background workers): all of the server, to freeze it. */
    private List<String> postgresProcesses() throws IOException, InterruptedException {
        String postmaster = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
        Process ps = new ProcessBuilder("ps", "-o", "pid=", "--ppid", postmaster).start();
        List<String> pids = new ArrayList<>(List.of(postmaster));
        for (String line : new String(ps.getInputStream().readAllBytes()).split("\n")) {
            if (!line.isBlank()) {
                pids.add(line.trim());
            }
        }
        assertThat(ps.waitFor()).isZero();
        return pids;
    }

    private static void signal(String signal, List<String> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        command.addAll(pids);
        assertThat(new ProcessBuilder(command).start().waitFor()).isZero();
    }

    private static long expectUnavailable(Supplier<RunningRedline.Reply> request) {
        return expectUnavailable(request, FAST_MILLIS);
    }

    /** Runs {@code request}, asserts a 503 JSON error saying the database is unavailable; returns its time. */
    private static long expectUnavailable(Supplier<RunningRedline.Reply> request, long withinMillis) {
        long started = System.nanoTime();
        RunningRedline.Reply reply = request.get();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().get("code").asInt()).isEqualTo(503);
        assertThat(reply.json().get("message").asText()).startsWith("the database is unavailable: ");
        assertThat(reply.body()).doesNotContain("Exception", "\tat ");
        assertThat(millis).isLessThan(withinMillis);
        return millis;
    }

    private static List<String> matches(RunningRedline.Reply check) {
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        check.json().get("matches").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    private EmbeddedPostgres start(int port) throws IOException {
        // zonky turns synchronous_commit off for speed; Redline refuses that (store.Durability)
        return EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").setPort(port).setDataDirectory(data)
                .setCleanDataDirectory(false).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
