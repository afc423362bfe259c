package io.redline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code redline post URL FILE}: streams an NDJSON file to a running server's {@code POST /articles/bulk} and
 * follows its streamed answer, printing progress (articles stored per second, share of the file sent, time
 * left) every ten seconds and a summary; the per-line answers can be kept with {@code --results}.
 */
public class PostCommand extends Command {
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

    public PostCommand() {
        super("post", "Send an NDJSON file to a running Redline's bulk endpoint, with progress");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("url").help("the server, e.g. http://localhost:8080");
        subparser.addArgument("input").help("NDJSON articles, one {\"id\", \"title\", \"body\", ...} per line");
        subparser.addArgument("--results").metavar("FILE").help("write the server's answer, one line per article");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        Path input = Path.of(namespace.getString("input"));
        URI bulk = URI.create(namespace.getString("url").replaceAll("/+$", "") + "/articles/bulk");
        String resultsFile = namespace.getString("results");
        ObjectMapper json = bootstrap.getObjectMapper();
        Progress progress = new Progress(Files.size(input), PROGRESS_INTERVAL, System.err, System::nanoTime);
        HttpRequest request = HttpRequest.newBuilder(bulk)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return progress.count(Files.newInputStream(input));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }))
                .build();
        long started = System.nanoTime();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        Map<String, Integer> outcomes = new TreeMap<>();
        try (Stream<String> lines = response.body();
             var results = resultsFile == null ? null : Files.newBufferedWriter(Path.of(resultsFile))) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(bulk + " answered " + response.statusCode() + ": "
                        + String.join(" ", (Iterable<String>) lines::iterator));
            }
            for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (results != null) {
                    results.write(line);
                    results.newLine();
                }
                JsonNode result = json.readTree(line);
                JsonNode error = result.get("error");
                if (error != null) {
                    System.err.printf("%s:%d: %s%n", input, result.path("line").asInt(), error.path("message").asText());
                }
                outcomes.merge(error != null ? "ERROR" : result.path("status").asText() + "/"
                        + result.path("classification").asText(), 1, Integer::sum);
                progress.done();
            }
        }
        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("posted %d lines in %.1f s (%.0f/s): %s%n", total, seconds, total / Math.max(seconds, 1e-9),
                outcomes);
        if (outcomes.containsKey("ERROR")) {
            throw new IllegalStateException(outcomes.get("ERROR") + " lines could not be stored");
        }
    }
}
