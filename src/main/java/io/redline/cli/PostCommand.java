package io.redline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code redline post URL FILE}: streams an NDJSON file to a running server's {@code POST /articles/bulk} and
 * reads its answers while sending, printing progress (articles stored per second, share of the file sent, time
 * left) every ten seconds and a summary. With {@code --results}, each answer line is written (and flushed) as
 * it arrives, numbered by its line in FILE, so a run cut short keeps every answer it got. {@code --resume}
 * sends only the lines that file does not acknowledge and appends their answers: run it again until it
 * succeeds, and every line is stored once.
 */
public class PostCommand extends Command {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    static final String API_KEY_VARIABLE = "REDLINE_API_KEY";

    public PostCommand() {
        super("post", "Send an NDJSON file to a running Redline's bulk endpoint, with progress");
    }

    /**
     * A write key for a server with keys: from {@code --api-key-file}, else the environment; never an argument,
     * which any local user could read in the process list.
     */
    private static String apiKey(String keyFile) throws IOException {
        String key = keyFile != null ? Files.readString(Path.of(keyFile)).strip() : System.getenv(API_KEY_VARIABLE);
        if (key != null && (key.isBlank() || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new IllegalArgumentException("the API key must be printable ASCII without spaces");
        }
        return key;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("url").help("the server, e.g. http://localhost:8080");
        subparser.addArgument("input").help("NDJSON articles, one {\"id\", \"title\", \"body\", ...} per line");
        subparser.addArgument("--results").metavar("FILE")
                .help("write the server's answer, one line per article, as each arrives");
        subparser.addArgument("--api-key-file").metavar("FILE")
                .help("a file holding a write key, for a server with keys (or set " + API_KEY_VARIABLE + ")");
        subparser.addArgument("--resume").action(Arguments.storeTrue())
                .help("skip the lines that --results already acknowledges and append the answers to the rest");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        Path input = Path.of(namespace.getString("input"));
        URI bulk = URI.create(namespace.getString("url").replaceAll("/+$", "") + "/articles/bulk");
        Path results = namespace.getString("results") == null ? null : Path.of(namespace.getString("results"));
        boolean resume = namespace.getBoolean("resume");
        if (resume && results == null) {
            throw new IllegalArgumentException("--resume needs --results: the answers of the earlier run");
        }
        ObjectMapper json = bootstrap.getObjectMapper();
        Acknowledged done = resume ? Acknowledged.read(results, json) : Acknowledged.NONE;
        if (done.count() > 0) {
            System.out.printf("skipping %d lines that %s acknowledges%n", done.count(), results);
        }
        // bytes are counted on the sending thread, answers on the reading one: a stale count only skews the share
        // of the input that a progress line prints
        Progress progress = new Progress(Files.size(input), PROGRESS_INTERVAL, System.err, System::nanoTime);
        // the server numbers the lines of its request; this maps them back to lines of the input file
        Map<Integer, Integer> inputLine = new ConcurrentHashMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        StreamingPost.Outcome outcome;
        try (Writer out = results == null ? Writer.nullWriter() : new BufferedWriter(Files.newBufferedWriter(results,
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                resume ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING))) {
            try {
                outcome = StreamingPost.send(bulk, "application/x-ndjson", apiKey(namespace.getString("api_key_file")),
                        body -> sendUnacknowledged(input, progress, done, json, inputLine, body),
                        line -> {
                            ObjectNode result = (ObjectNode) json.readTree(line);
                            int number = inputLine.getOrDefault(result.path("line").asInt(), 0);
                            result.put("line", number);
                            out.write(json.writeValueAsString(result));
                            out.write('\n');
                            out.flush();
                            count(result, input, outcomes);
                            progress.done();
                        });
            } catch (IOException e) {
                throw new IllegalStateException("the connection to " + bulk + " ended after " + total(outcomes)
                        + " answers (" + e.getMessage() + ")" + (results == null ? ""
                        : "; the answers so far are in " + results + ": run again with --resume"), e);
            }
        }
        if (outcome.status() != 200) {
            throw new IllegalStateException(bulk + " answered " + outcome.status() + ": " + outcome.error());
        }
        if (total(outcomes) != inputLine.size()) {
            throw new IllegalStateException("sent " + inputLine.size() + " lines but got " + total(outcomes)
                    + " answers");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("posted %d lines in %.1f s (%.0f/s): %s%n", total(outcomes), seconds,
                total(outcomes) / Math.max(seconds, 1e-9), outcomes);
        if (outcomes.containsKey("ERROR")) {
            throw new IllegalStateException(outcomes.get("ERROR") + " lines could not be stored");
        }
    }

    /** Writes every non-blank input line that {@code done} does not cover, noting its number. */
    private static void sendUnacknowledged(Path input, Progress progress, Acknowledged done, ObjectMapper json,
                                           Map<Integer, Integer> inputLine, OutputStream body) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                progress.count(Files.newInputStream(input)), StandardCharsets.UTF_8))) {
            int number = 0;
            int sent = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank() || done.names(number) && done.covers(number, json.readTree(line).path("id").asText(null))) {
                    continue;
                }
                inputLine.put(++sent, number);
                body.write(line.getBytes(StandardCharsets.UTF_8));
                body.write('\n');
            }
        }
    }

    private static void count(JsonNode result, Path input, Map<String, Integer> outcomes) {
        JsonNode error = result.get("error");
        if (error != null) {
            System.err.printf("%s:%d: %s%n", input, result.path("line").asInt(), error.path("message").asText());
        }
        outcomes.merge(error != null ? "ERROR" : result.path("status").asText() + "/"
                + result.path("classification").asText(), 1, Integer::sum);
    }

    private static int total(Map<String, Integer> outcomes) {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }
}
