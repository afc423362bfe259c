package io.redline.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.api.ArticleRequest;
import io.redline.api.BulkLineResult;
import io.redline.api.ErrorBody;
import io.redline.api.IngestResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Stores NDJSON articles one line at a time, for the bulk endpoint and the {@code load} command. A bad line
 * gets its own error result and the rest go on; a line's result is produced only after its transaction
 * committed. Thread-safe.
 */
public final class BulkIngest {
    private static final Logger LOG = LoggerFactory.getLogger(BulkIngest.class);

    private final Ingestor ingestor;
    private final ObjectMapper mapper;
    private final int maxLineChars;

    public BulkIngest(Ingestor ingestor, ObjectMapper mapper, long maxInputBytes) {
        this.ingestor = ingestor;
        this.mapper = mapper;
        // JSON escaping can make a line longer than its text; leave room for it and the other fields.
        this.maxLineChars = (int) Math.min(Integer.MAX_VALUE - 8, maxInputBytes * 2 + 64 * 1024);
    }

    /** Stores every non-blank line of {@code ndjson}, handing each result to {@code results} in order. */
    public void ingest(InputStream ndjson, Consumer<BulkLineResult> results) throws IOException {
        NdjsonLines lines = new NdjsonLines(
                new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8)), maxLineChars);
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.tooLong() || !line.text().isBlank()) {
                results.accept(process(line));
            }
        }
    }

    private BulkLineResult process(NdjsonLines.Line line) {
        if (line.tooLong()) {
            return failed(line.number(), null, ErrorBody.of(413, "line is longer than " + maxLineChars + " characters"));
        }
        String id = null;
        try {
            ArticleRequest request = mapper.readValue(line.text(), ArticleRequest.class);
            id = request == null ? null : request.id();
            IngestResponse r = ingestor.ingest(request);
            return new BulkLineResult(line.number(), r.id(), r.version(), r.storyId(), r.status(), r.classification(), null);
        } catch (JsonProcessingException e) {
            return failed(line.number(), id, JsonErrors.describe(e));
        } catch (InvalidInputException e) {
            return failed(line.number(), id, new ErrorBody(e.status(), e.getMessage(), e.field(), null, null));
        } catch (RuntimeException e) {
            LOG.error("bulk line {} could not be stored", line.number(), e);
            return failed(line.number(), id, ErrorBody.of(500, "could not be stored: " + e.getClass().getSimpleName()));
        }
    }

    private static BulkLineResult failed(int line, String id, ErrorBody error) {
        return new BulkLineResult(line, id, null, null, null, null, error);
    }
}
