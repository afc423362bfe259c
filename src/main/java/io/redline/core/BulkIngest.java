package io.redline.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.api.ArticleRequest;
import io.redline.api.BulkLineResult;
import io.redline.api.ErrorBody;
import io.redline.api.IngestResponse;
import io.redline.health.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Stores NDJSON articles, for the bulk endpoint and the {@code load} command. Lines are parsed and prepared
 * ({@link Ingestor#prepare}: fingerprint, compare with the index) a few lines ahead on {@code preparers}, and
 * committed one by one in line order on the calling thread, so the result is the same as storing the lines one
 * after another. A bad line gets its own error result and the rest go on; a line's result is produced only
 * after its transaction committed. Thread-safe.
 */
public final class BulkIngest {
    private static final Logger LOG = LoggerFactory.getLogger(BulkIngest.class);

    private final Ingestor ingestor;
    private final ObjectMapper mapper;
    private final int maxLineChars;
    private final Executor preparers;
    private final int ahead;

    /**
     * @param preparers runs the preparation of lines ahead of their commit
     * @param ahead     lines prepared ahead at most (memory: one fingerprint and its comparisons each)
     */
    public BulkIngest(Ingestor ingestor, ObjectMapper mapper, long maxInputBytes, Executor preparers, int ahead) {
        this.ingestor = ingestor;
        this.mapper = mapper;
        this.preparers = preparers;
        this.ahead = ahead;
        // JSON escaping can make a line longer than its text; leave room for it and the other fields.
        this.maxLineChars = (int) Math.min(Integer.MAX_VALUE - 8, maxInputBytes * 2 + 64 * 1024);
    }

    /** Lines to prepare ahead with {@code threads} preparers: enough to keep them busy while one line commits. */
    public static int ahead(int threads) {
        return 2 * threads;
    }

    /** Stores every non-blank line of {@code ndjson}, handing each result to {@code results} in order. */
    public void ingest(InputStream ndjson, Consumer<BulkLineResult> results) throws IOException {
        NdjsonLines lines = new NdjsonLines(
                new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8)), maxLineChars);
        Deque<CompletableFuture<Step>> inFlight = new ArrayDeque<>();
        try {
            for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.tooLong() || !line.text().isBlank()) {
                    NdjsonLines.Line next = line;
                    inFlight.add(CompletableFuture.supplyAsync(() -> prepare(next), preparers));
                    if (inFlight.size() > ahead) {
                        results.accept(commit(inFlight.poll().join()));
                    }
                }
            }
            while (!inFlight.isEmpty()) {
                results.accept(commit(inFlight.poll().join()));
            }
        } finally {
            // a failed read or client leaves prepared lines uncommitted: they were never acknowledged
            inFlight.forEach(f -> f.cancel(false));
        }
    }

    /** A line prepared for its commit, or already failed. */
    private record Step(int line, String id, Ingestor.Prepared prepared, BulkLineResult failed) {
    }

    private Step prepare(NdjsonLines.Line line) {
        if (line.tooLong()) {
            return new Step(line.number(), null, null,
                    failed(line.number(), null, ErrorBody.of(413, "line is longer than " + maxLineChars + " characters")));
        }
        String id = null;
        try {
            ArticleRequest request = mapper.readValue(line.text(), ArticleRequest.class);
            id = request == null ? null : request.id();
            return new Step(line.number(), id, ingestor.prepare(request), null);
        } catch (JsonProcessingException e) {
            return new Step(line.number(), id, null, failed(line.number(), id, JsonErrors.describe(e)));
        } catch (RuntimeException e) {
            return new Step(line.number(), id, null, failure(line.number(), id, e));
        }
    }

    private BulkLineResult commit(Step step) {
        if (step.failed() != null) {
            return step.failed();
        }
        try {
            IngestResponse r = ingestor.commit(step.prepared());
            return new BulkLineResult(step.line(), r.id(), r.version(), r.storyId(), r.status(), r.classification(), null);
        } catch (RuntimeException e) {
            return failure(step.line(), step.id(), e);
        }
    }

    private static BulkLineResult failure(int line, String id, RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return failed(line, id, new ErrorBody(invalid.status(), invalid.getMessage(), invalid.field(), null, null));
        }
        Optional<DatabaseOutage> outage = DatabaseOutage.of(e);
        if (outage.isPresent()) {
            LOG.warn("bulk line {} not stored: {}", line, outage.get().message());
            return failed(line, id, ErrorBody.of(503, outage.get().message()));
        }
        LOG.error("bulk line {} could not be stored", line, e);
        return failed(line, id, ErrorBody.of(500, "could not be stored: " + e.getClass().getSimpleName()));
    }

    private static BulkLineResult failed(int line, String id, ErrorBody error) {
        return new BulkLineResult(line, id, null, null, null, null, error);
    }
}
