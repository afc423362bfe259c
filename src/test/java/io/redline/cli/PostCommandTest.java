package io.redline.cli;

import io.redline.testing.Commands;
import io.redline.testing.Fixtures;
import io.redline.testing.NewsCorpusGenerator;
import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
    void sendsAWriteKeyFromAFileToAServerWithKeys() throws Exception {
        String key = "post-write-key-0123456789";
        Path config = Files.createTempFile("redline-keyed", ".yml");
        Files.writeString(config, Files.readString(Path.of("config.yml")).replace("security:\n  apiKeys: []\n",
                "security:\n  apiKeys:\n    - {name: cms, key: " + key + ", role: write}\n"));
        Path keyFile = Files.writeString(Files.createTempFile("redline-key", ".txt"), key + "\n");
        try (RunningRedline redline = RunningRedline.withConfig(config, TestDatabase.h2())) {
            assertThat(Commands.run(TestDatabase.h2(), out, err, "post", redline.url(""), Fixtures.SEEDS.toString()))
                    .as("without the key").isPresent();
            assertThat(Commands.run(TestDatabase.h2(), out, err, "post", redline.url(""), Fixtures.SEEDS.toString(),
                    "--api-key-file", keyFile.toString())).isEmpty();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("posted 10 lines");
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
    void resumeSendsOnlyWhatTheResultsDoNotAcknowledgeAndKeepsTheFileNumbering() throws Exception {
        Path input = Files.createTempFile("redline-post", ".ndjson");
        List<String> lines = new ArrayList<>();
        for (NewsCorpusGenerator.Doc d : NewsCorpusGenerator.builder().count(30).words(40, 80).build().generate()) {
            lines.add("{\"id\": \"" + d.id() + "\", \"body\": \"" + d.body().replace("\n", "\\n") + "\"}");
        }
        lines.add(10, ""); // a blank line: file line 12 is the 11th article
        Files.write(input, lines);
        Path results = Files.createTempFile("redline-post", ".ndjson");
        try (RedlineRunning redline = new RedlineRunning()) {
            assertThat(redline.post(input, results)).isEmpty();
            List<String> answers = Files.readAllLines(results);
            assertThat(answers).hasSize(30);
            assertThat(answers.get(10)).startsWith("{\"line\":12,\"id\":\"d000010\"");

            // as a run cut short leaves it: the first 12 answers, then an error for line 14, then half a line
            Files.writeString(results, String.join("\n", answers.subList(0, 12)) + "\n"
                    + "{\"line\":14,\"id\":\"d000012\",\"error\":{\"status\":500,\"message\":\"could not be stored\"}}\n"
                    + answers.get(12).substring(0, 20));
            assertThat(redline.post(input, results, "--resume")).isEmpty();

            assertThat(out.toString(StandardCharsets.UTF_8)).contains("skipping 12 lines").contains("posted 18 lines")
                    .contains("UNCHANGED/DUPLICATE=18");
            Map<Integer, Long> acknowledged = Files.readAllLines(results).stream()
                    .filter(l -> !l.contains("\"error\""))
                    .collect(Collectors.groupingBy(l -> Integer.parseInt(l.replaceAll("^\\{\"line\":(\\d+),.*", "$1")),
                            Collectors.counting()));
            assertThat(acknowledged.keySet()).hasSize(30).doesNotContain(11);
            assertThat(acknowledged.values()).containsOnly(1L);
            assertThat(redline.server.get("/stats").json().get("versions").asLong()).isEqualTo(30);
        }
    }

    @Test
    void resumeRefusesTheResultsOfAnotherFile() throws Exception {
        Path input = Files.createTempFile("redline-post", ".ndjson");
        Files.writeString(input, "{\"id\": \"a\", \"body\": \"A short but real story about a bridge vote.\"}\n");
        Path results = Files.createTempFile("redline-post", ".ndjson");
        Files.writeString(results, "{\"line\":1,\"id\":\"b\",\"version\":1,\"storyId\":1,\"status\":\"CREATED\"}\n");
        try (RedlineRunning redline = new RedlineRunning()) {
            assertThat(redline.post(input, results, "--resume")).isPresent();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("the results give id b for input line 1");
        }
    }

    /** A server on a fresh H2 database, and {@code post} to it. */
    private final class RedlineRunning implements AutoCloseable {
        final TestDatabase db = TestDatabase.h2();
        final RunningRedline server = new RunningRedline(db);

        Optional<Throwable> post(Path input, Path results, String... more) {
            List<String> args = new ArrayList<>(List.of("post", server.url(""), input.toString(),
                    "--results", results.toString()));
            args.addAll(List.of(more));
            return Commands.run(db, out, err, args.toArray(new String[0]));
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @Test
    void saysWhenNoServerAnswers() {
        Optional<Throwable> failure = Commands.run(TestDatabase.h2(), out, err, "post", "http://127.0.0.1:9",
                Fixtures.SEEDS.toString());

        assertThat(failure).isPresent();
    }
}
