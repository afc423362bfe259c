package io.redline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.api.ArticleRequest;
import io.redline.api.BulkLineResult;
import io.redline.api.ErrorBodies;
import io.redline.api.ErrorBody;
import io.redline.api.IngestResponse;
import io.redline.api.JsonErrors;
import io.redline.budget.Deadline;
import io.redline.health.DatabaseOutage;
import io.redline.store.ArticleStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Stores NDJSON articles, for the bulk endpoint and the {@code load} command. Lines are parsed and prepared
 * ({@link Ingestor#prepare}: fingerprint, compare with the index) ahead on {@code preparers}, and committed in
 * line order on the calling thread, many lines per transaction ({@link Ingestor#commitAll}: a batch takes the
 * prepared lines waiting, up to {@link Batch}), so the result is the same as storing the lines one after
 * another. A line's result is produced only after its transaction committed.
 *
 * <p>Nothing fails the whole input once results flow: a bad line, a line over a limit or out of time, a
 * database error, all become that line's error result (or, if the commit itself fails, its batch's) and the
 * next line goes on. Only running past the input's own bounds (lines, bytes) or a read error ends it early,
 * with one last error result that says so, after the lines already read have been stored and answered.
 * Thread-safe.
 */
public final class BulkIngest {
    private static final Logger LOG = LoggerFactory.getLogger(BulkIngest.class);

    private final Ingestor ingestor;
    private final ObjectMapper mapper;
    private final InputLimits limits;
    private final int maxLineBytes;
    private final Executor preparers;
    private final Batch batch;
    private final int ahead;

    /**
     * @param limits    text limits and the time budget of each line
     * @param preparers runs the preparation of lines ahead of their commit, on {@code threads} threads
     * @param batch     how much one transaction commits at most
     */
    public BulkIngest(Ingestor ingestor, ObjectMapper mapper, InputLimits limits, Executor preparers, int threads,
                      Batch batch) {
        this.ingestor = ingestor;
        this.mapper = mapper;
        this.limits = limits;
        this.preparers = preparers;
        this.batch = batch;
        // a batch to commit, and enough beyond it to keep the preparers busy while it commits
        this.ahead = batch.lines() + 2 * threads;
        // JSON escaping can make a line longer than its text; leave room for it and the other fields.
        this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 8, limits.textBytes() * 2 + 64 * 1024);
    }

    /**
     * Lines and bytes of line text one transaction commits at most. Lines prepared ahead hold at most twice
     * {@code bytes} of text (with their fingerprints), whatever their number.
     */
    public record Batch(int lines, long bytes) {
        public static final Batch DEFAULT = new Batch(64, 8L << 20);
        /** One line per transaction, as single requests are stored. */
        public static final Batch ONE = new Batch(1, 1);

        public Batch {
            if (lines < 1 || bytes < 1) {
                throw new IllegalArgumentException("a batch holds at least one line and one byte, got " + lines
                        + " lines, " + bytes + " bytes");
            }
        }
    }

    /**
     * Stores the non-blank lines of one request, handing each result to {@code results} in order: at most
     * {@code limits.bulkLines} lines; the line past that, or the one during which the body stream ran past its
     * byte limit ({@link BodyTooLarge}), gets a 413 result and nothing after it is read.
     */
    public void ingest(InputStream ndjson, Consumer<BulkLineResult> results) throws IOException {
        ingest(ndjson, limits.bulkLines(), results);
    }

    /** Stores every non-blank line of a local file, however long, handing each result to {@code results} in order. */
    public void ingestFile(InputStream ndjson, Consumer<BulkLineResult> results) throws IOException {
        ingest(ndjson, Integer.MAX_VALUE, results);
    }

    private void ingest(InputStream ndjson, int maxLines, Consumer<BulkLineResult> results) throws IOException {
        NdjsonLines lines = new NdjsonLines(ndjson, maxLineBytes);
        Deque<InFlight> inFlight = new ArrayDeque<>();
        long inFlightBytes = 0;
        try {
            BulkLineResult last = null;
            int read = 0;
            while (true) {
                NdjsonLines.Line line;
                try {
                    line = lines.next();
                } catch (BodyTooLarge e) {
                    last = failed(read + 1, null, ErrorBodies.of(InvalidInputException.tooLarge(null, e.getMessage()
                            + ": this line and those after it were not read; send them in another request")));
                    break;
                } catch (IOException | RuntimeException e) {
                    LOG.info("bulk input ended early after line {}: {}", read, e.toString());
                    ErrorBody known = ErrorBodies.of(e);
                    last = failed(read + 1, null, known != null ? known : ErrorBodies.of(InvalidInputException.malformed(null,
                            "the request body could not be read after line " + read + ": " + e.getClass().getSimpleName())));
                    break;
                }
                if (line == null) {
                    break;
                }
                read = line.number();
                if (line.readable() && line.text().isBlank()) {
                    continue;
                }
                if (line.number() > maxLines) {
                    last = failed(line.number(), null, ErrorBodies.of(InvalidInputException.tooLarge(null, "the request has more than "
                            + maxLines + " lines (limits.bulkLines): this line and those after it were not read; send them in "
                            + "another request")));
                    break;
                }
                long bytes = line.readable() ? line.text().length() : 0;
                inFlight.add(new InFlight(CompletableFuture.supplyAsync(() -> prepare(line), preparers), bytes));
                inFlightBytes += bytes;
                while (inFlight.size() > ahead || inFlightBytes > 2 * batch.bytes()) {
                    inFlightBytes -= commitBatch(inFlight, results);
                }
            }
            while (!inFlight.isEmpty()) {
                commitBatch(inFlight, results);
            }
            if (last != null) {
                results.accept(last);
            }
        } finally {
            // a client gone while answers were written leaves prepared lines uncommitted: never acknowledged
            inFlight.forEach(f -> f.step().cancel(false));
        }
    }

    /** A line being prepared, and the bytes of its text. */
    private record InFlight(CompletableFuture<Step> step, long bytes) {
    }

    /** A line prepared for its commit, or already failed. */
    private record Step(int line, String id, Ingestor.Prepared prepared, BulkLineResult failed) {
    }

    private Step prepare(NdjsonLines.Line line) {
        if (line.tooLong()) {
            return new Step(line.number(), null, null, failed(line.number(), null, ErrorBodies.of(InvalidInputException.tooLarge(null,
                    "line is longer than " + maxLineBytes + " bytes (limits.textBytes, with room for JSON escapes)"))));
        }
        if (line.invalidUtf8()) {
            return new Step(line.number(), null, null,
                    failed(line.number(), null, ErrorBodies.of(InvalidInputException.malformed(null, "line is not valid UTF-8"))));
        }
        String id = null;
        try {
            ArticleRequest request = mapper.readValue(line.text(), ArticleRequest.class);
            id = request == null ? null : request.id();
            return new Step(line.number(), id, Deadline.within(limits.requestTime(), () -> ingestor.prepare(request)), null);
        } catch (JsonProcessingException e) {
            return new Step(line.number(), id, null, failed(line.number(), id, JsonErrors.describe(e)));
        } catch (RuntimeException | StackOverflowError e) {
            return new Step(line.number(), id, null, failure(line.number(), id, e));
        }
    }

    /**
     * Commits the next line, waiting for its preparation, in one transaction with the lines after it that are
     * prepared already, up to the batch's bounds; hands their results on in order.
     *
     * @return the bytes of the lines taken
     */
    private long commitBatch(Deque<InFlight> inFlight, Consumer<BulkLineResult> results) {
        List<Step> steps = new ArrayList<>();
        long bytes = 0;
        do {
            InFlight next = inFlight.poll();
            steps.add(join(next.step()));
            bytes += next.bytes();
        } while (!inFlight.isEmpty() && inFlight.peek().step().isDone() && steps.size() < batch.lines()
                && bytes + inFlight.peek().bytes() <= batch.bytes());
        List<Ingestor.Prepared> prepared = steps.stream().filter(s -> s.failed() == null).map(Step::prepared).toList();
        Iterator<ArticleStore.Attempt<IngestResponse>> attempts = prepared.isEmpty() ? Collections.emptyIterator()
                : ingestor.commitAll(prepared, limits.requestTime()).iterator();
        for (Step step : steps) {
            results.accept(step.failed() != null ? step.failed() : result(step, attempts.next()));
        }
        return bytes;
    }

    private static Step join(CompletableFuture<Step> prepared) {
        try {
            return prepared.join();
        } catch (CompletionException e) {
            // prepare answers every exception itself; only an Error can land here
            LOG.error("bulk line could not be prepared", e.getCause());
            return new Step(0, null, null,
                    failed(0, null, ErrorBodies.internal("could not be prepared: " + e.getCause().getClass().getSimpleName())));
        }
    }

    private static BulkLineResult result(Step step, ArticleStore.Attempt<IngestResponse> attempt) {
        if (attempt.failure() != null) {
            return failure(step.line(), step.id(), attempt.failure());
        }
        IngestResponse r = attempt.result();
        return new BulkLineResult(step.line(), r.id(), r.version(), r.storyId(), r.status(), r.classification(), null);
    }

    private static BulkLineResult failure(int line, String id, Throwable e) {
        ErrorBody known = ErrorBodies.of(e);
        if (known != null) {
            return failed(line, id, known);
        }
        Optional<DatabaseOutage> outage = DatabaseOutage.of(e);
        if (outage.isPresent()) {
            LOG.warn("bulk line {} not stored: {}", line, outage.get().message());
            return failed(line, id, ErrorBodies.unavailable(outage.get().message()));
        }
        LOG.error("bulk line {} could not be stored", line, e);
        return failed(line, id, ErrorBodies.internal("could not be stored: " + e.getClass().getSimpleName()));
    }

    private static BulkLineResult failed(int line, String id, ErrorBody error) {
        return new BulkLineResult(line, id, null, null, null, null, error);
    }
}
