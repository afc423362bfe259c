package io.redline.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real full disk under the embedded H2 store: a small tmpfs, filled by another file while Redline runs.
 * Writes answer 503 JSON and health turns red; every article that was acknowledged is still there after the
 * space is freed and after the store is reopened. Needs root to mount; skipped where mounting is not allowed.
 */
class H2FullDiskTest {
    private static final String BODY = "The harbour authority said on %s that the ferry to the northern islands "
            + "would run twice a day from next week, after a winter of storms kept the old boat in port.%n%n"
            + "Islanders had asked for a second crossing for years; the council will pay for the extra fuel "
            + "from the tourism tax, and article %s has its own closing line with the number %d in it.";

    private Path disk;
    private RunningRedline redline;

    @BeforeEach
    void mount() throws IOException, InterruptedException {
        disk = Files.createTempDirectory("redline-full-disk-");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", disk.toString()) == 0,
                "mounting a tmpfs needs root; a full disk is not tested here");
    }

    @AfterEach
    void unmount() throws IOException, InterruptedException {
        if (redline != null) {
            redline.close();
        }
        if (run("umount", disk.toString()) == 0) {
            Files.delete(disk); // empty once the tmpfs is gone
        }
    }

    @Test
    void aFullDiskAnswers503AndLosesNothingAcknowledged() throws IOException, InterruptedException {
        TestDatabase store = new TestDatabase(TestDatabase.Kind.H2,
                "jdbc:h2:" + disk.resolve("redline") + ";WRITE_DELAY=0", "sa", "");
        redline = new RunningRedline(store);
        Map<String, String> acknowledged = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            post(i, acknowledged);
        }
        assertThat(acknowledged).hasSize(3);
        assertThat(redline.getAdmin("/healthcheck").status()).isEqualTo(200);

        Path filler = disk.resolve("filler");
        fill(filler);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 3; i < 40 && !statuses.contains(503); i++) {
            statuses.add(post(i, acknowledged));
        }
        assertThat(statuses).contains(503).allSatisfy(s -> assertThat(s).isIn(201, 503));
        RunningRedline.Reply health = redline.getAdmin("/healthcheck");
        assertThat(health.status()).isEqualTo(500);
        assertThat(health.json().get(DiskSpaceCheck.NAME).get("healthy").asBoolean()).isFalse();
        assertThat(health.json().get(StoreWriteCheck.NAME).get("healthy").asBoolean()).isFalse();
        System.out.println("full disk: " + health.json().get(StoreWriteCheck.NAME).get("message").asText());

        Files.delete(filler);
        // pooled connections to the failed store are tested again (validationInterval: 1s) and replaced
        long freed = System.nanoTime();
        RunningRedline.Reply healthy = redline.getAdmin("/healthcheck");
        while (healthy.status() != 200 && System.nanoTime() - freed < 10_000_000_000L) {
            Thread.sleep(100);
            healthy = redline.getAdmin("/healthcheck");
        }
        System.out.printf("space freed: health green after %d ms%n", (System.nanoTime() - freed) / 1_000_000);
        assertThat(healthy.status()).as(healthy.body()).isEqualTo(200);
        long reopened = System.nanoTime();
        int status = post(100, acknowledged);
        while (status == 503 && System.nanoTime() - reopened < 10_000_000_000L) { // see assertStored
            Thread.sleep(100);
            status = post(100, acknowledged);
        }
        assertThat(status).isEqualTo(201);
        assertStored(acknowledged);

        redline.close();
        redline = new RunningRedline(store);
        assertStored(acknowledged);
    }

    /** Stores article {@code n}; records it when acknowledged, checks the 503 body when not. Returns the status. */
    private int post(int n, Map<String, String> acknowledged) {
        String id = "ferry-" + n;
        String body = String.format(BODY, "Monday", id, n * 7919) + "\n\n" + "more words for the disk ".repeat(400);
        RunningRedline.Reply reply = redline.postJson("/articles", Map.of("id", id, "title", "Ferry " + n, "body", body));
        if (reply.status() == 201) {
            acknowledged.put(id, body);
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(503);
            JsonNode error = reply.json();
            assertThat(error.get("code").asInt()).isEqualTo(503);
            assertThat(error.get("message").asText()).startsWith("the database is unavailable: ");
        }
        return reply.status();
    }

    /**
     * Every acknowledged article reads back whole. A read may still answer 503 for a moment after health turns
     * green: H2 reopens the file per connection, and one opened while the failed store still holds the file lock
     * gets H2 error 90020 (seen once in CI). That is an outage answer, not a loss, so each read gets 10 s.
     */
    private void assertStored(Map<String, String> acknowledged) throws InterruptedException {
        for (Map.Entry<String, String> article : acknowledged.entrySet()) {
            long start = System.nanoTime();
            RunningRedline.Reply reply = redline.get("/articles/" + article.getKey());
            while (reply.status() == 503 && System.nanoTime() - start < 10_000_000_000L) {
                Thread.sleep(100);
                reply = redline.get("/articles/" + article.getKey());
            }
            assertThat(reply.status()).as(article.getKey() + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.json().get("body").asText()).isEqualTo(article.getValue());
        }
    }

    /** Writes {@code file} until the disk refuses more. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).containsIgnoringCase("space");
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }
}
