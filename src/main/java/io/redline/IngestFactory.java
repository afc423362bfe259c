package io.redline;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.validation.MinDataSize;
import io.redline.ingest.BulkIngest;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The {@code ingest} block of config.yml: how the bulk endpoint, {@code load} and {@code post} commit. */
public class IngestFactory {
    /** Bulk lines committed in one transaction at most. */
    @Min(1)
    @JsonProperty
    private int batchLines = BulkIngest.Batch.DEFAULT.lines();

    /** Bytes of line text committed in one transaction at most (one longer line still goes alone). */
    @NotNull @MinDataSize(1)
    @JsonProperty
    private DataSize batchBytes = DataSize.bytes(BulkIngest.Batch.DEFAULT.bytes());

    public BulkIngest.Batch buildBatch() {
        return new BulkIngest.Batch(batchLines, batchBytes.toBytes());
    }
}
