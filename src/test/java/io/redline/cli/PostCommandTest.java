package io.redline.cli;

import io.redline.testing.Commands;
import io.redline.testing.Fixtures;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code redline post URL FILE}: a file sent to a running server's bulk endpoint, as from a shell. */
class PostCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void sendsTheFixturesToTheServerAndKeepsItsAnswers() throws Exception {
        Path results = Files.createTempFile("redline-post", ".ndjson");
        try (RunningRedline redline = new RunningRedline(TestDatabase.h2())) {
            Optional<Throwable> failure = Commands.run(TestDatabase.h2(), out, err, "post", redline.url(""),
                    Fixtures.SEEDS.toString(), "--results", results.toString());

            assertThat(failure).isEmpty();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("posted 10 lines").contains("CREATED/NEW=9").contains("CREATED/REVISION=1");
            assertThat(Files.readAllLines(results)).hasSize(10).allMatch(line -> line.contains("\"status\":\"CREATED\""));
            assertThat(redline.get("/stats").json().get("articles").asLong()).isEqualTo(10);
        }
    }

    @Test
    void reportsBadLinesAndFails() throws Exception {
        Path file = Files.createTempFile("redline-post", ".jsonl");
        Files.writeString(file, "{\"id\": \"ok\", \"body\": \"A short but real story about a bridge vote.\"}\n{\"id\": \"bad\"}\n");
        try (RunningRedline redline = new RunningRedline(TestDatabase.h2())) {
            Optional<Throwable> failure = Commands.run(TestDatabase.h2(), out, err, "post", redline.url(""), file.toString());

            assertThat(failure).isPresent();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ":2: body is required");
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("posted 2 lines").contains("ERROR=1");
        }
    }

    @Test
    void saysWhenNoServerAnswers() {
        Optional<Throwable> failure = Commands.run(TestDatabase.h2(), out, err, "post", "http://127.0.0.1:9",
                Fixtures.SEEDS.toString());

        assertThat(failure).isPresent();
    }
}
