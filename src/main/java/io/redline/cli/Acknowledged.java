package io.redline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The input lines a results file of {@code redline post} says were stored: a result without {@code error},
 * by line number and id. Example: a file holding {@code {"line":3,"id":"a","version":1,...}} and
 * {@code {"line":4,"id":"b","error":{...}}} acknowledges line 3 as {@code a} and not line 4. Immutable.
 */
final class Acknowledged {
    static final Acknowledged NONE = new Acknowledged(Map.of());

    private final Map<Integer, String> idByLine;

    private Acknowledged(Map<Integer, String> idByLine) {
        this.idByLine = Map.copyOf(idByLine);
    }

    /**
     * Reads {@code results}, first cutting off a last line left half-written by a killed client, so that what
     * is appended next starts on a line of its own.
     */
    static Acknowledged read(Path results, ObjectMapper json) throws IOException {
        if (!Files.exists(results)) {
            return NONE;
        }
        cutTornEnd(results);
        Map<Integer, String> idByLine = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode result;
                try {
                    result = json.readTree(line);
                } catch (IOException e) {
                    throw new IllegalArgumentException(results + ":" + n + " is not a result line: " + line, e);
                }
                if (!result.has("error") && result.path("line").isInt() && result.hasNonNull("id")) {
                    idByLine.put(result.get("line").asInt(), result.get("id").asText());
                }
            }
        }
        return new Acknowledged(idByLine);
    }

    private static void cutTornEnd(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long end = f.length();
            while (end > 0) {
                f.seek(end - 1);
                if (f.read() == '\n') {
                    break;
                }
                end--;
            }
            f.setLength(end);
        }
    }

    /** Whether input line {@code line} was stored; an id is needed only for the lines this file names. */
    boolean names(int line) {
        return idByLine.containsKey(line);
    }

    /**
     * Whether input line {@code line}, with id {@code id}, was stored.
     *
     * @throws IllegalArgumentException if the results give another id for that line: they are not this input's
     */
    boolean covers(int line, String id) {
        String stored = idByLine.get(line);
        if (stored != null && !Objects.equals(stored, id)) {
            throw new IllegalArgumentException("the results give id " + stored + " for input line " + line
                    + ", which has id " + id + ": they are the results of another file");
        }
        return stored != null;
    }

    int count() {
        return idByLine.size();
    }
}
