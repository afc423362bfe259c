package io.redline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The seed corpus in fixtures/ and its expected story grouping. */
public final class Fixtures {
    public static final Path SEEDS = Path.of("fixtures/seeds.jsonl");
    public static final Path EXPECTED = Path.of("fixtures/seeds-expected-stories.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static String seedsNdjson() {
        try {
            return Files.readString(SEEDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<JsonNode> seeds() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : seedsNdjson().split("\n")) {
            if (!line.isBlank()) {
                out.add(read(line));
            }
        }
        return out;
    }

    public static JsonNode seed(String id) {
        return seeds().stream().filter(s -> s.get("id").asText().equals(id)).findFirst().orElseThrow();
    }

    public static JsonNode expected() {
        try {
            return JSON.readTree(EXPECTED.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
