package io.redline;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.redline.diff.DiffOptions;
import io.redline.read.TimelineCache;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/** The {@code diff} block of config.yml. */
public class DiffFactory {
    /** Weighted word overlap at which two paragraphs are paired as the same paragraph reworded. */
    @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0")
    @JsonProperty
    private double pairThreshold = DiffOptions.DEFAULT_PAIR_THRESHOLD;

    /** Whether SPLIT and MERGED are reported (otherwise the pieces are paired, inserted or deleted). */
    @JsonProperty
    private boolean splitMerge = true;

    /** Memory for story time lines already computed (see {@link TimelineCache}); 0 keeps none. */
    @NotNull
    @JsonProperty
    private DataSize timelineCache = DataSize.bytes(TimelineCache.DEFAULT_MAX_BYTES);

    public TimelineCache buildTimelineCache() {
        return new TimelineCache(timelineCache.toBytes());
    }

    public DiffOptions build() {
        return new DiffOptions(pairThreshold, splitMerge);
    }
}
