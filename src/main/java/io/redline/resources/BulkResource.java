package io.redline.resources;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.ingest.BulkIngest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Backfills: NDJSON in, one NDJSON result per input line out, streamed as each line is stored. */
@Path("/articles/bulk")
public class BulkResource {
    public static final String NDJSON = "application/x-ndjson";

    private final BulkIngest bulk;
    private final ObjectMapper mapper;

    public BulkResource(BulkIngest bulk, ObjectMapper mapper) {
        this.bulk = bulk;
        this.mapper = mapper;
    }

    @POST
    @Consumes({NDJSON, "application/json"}) // not text/plain: any web page's form may send that
    @Produces(NDJSON)
    public StreamingOutput bulk(InputStream body) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            bulk.ingest(body, result -> {
                try {
                    writer.write(mapper.writeValueAsString(result));
                    writer.write('\n');
                    writer.flush();
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
    }
}
