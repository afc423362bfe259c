package io.redline;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.redline.ingest.InputLimits;
import io.redline.store.DatabaseDefaults;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** config.yml: Dropwizard's server and database blocks, plus detection, diff, limits, ingest, security and watch settings. */
public class RedlineConfiguration extends Configuration {
    @Valid
    @NotNull
    @JsonProperty
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty
    private DetectionFactory detection = new DetectionFactory();

    @Valid
    @NotNull
    @JsonProperty
    private DiffFactory diff = new DiffFactory();

    @Valid
    @NotNull
    @JsonProperty
    private SecurityFactory security = new SecurityFactory();

    @Valid
    @NotNull
    @JsonProperty
    private LimitsFactory limits = new LimitsFactory();

    @Valid
    @NotNull
    @JsonProperty
    private IngestFactory ingest = new IngestFactory();

    @Valid
    @NotNull
    @JsonProperty
    private WatchFactory watch = new WatchFactory();

    /** The database, with the settings each kind of store gets unless configured otherwise ({@link DatabaseDefaults}). */
    public DataSourceFactory getDatabase() {
        return DatabaseDefaults.apply(database);
    }

    public DetectionFactory getDetection() {
        return detection;
    }

    public DiffFactory getDiff() {
        return diff;
    }

    public SecurityFactory getSecurity() {
        return security;
    }

    public WatchFactory getWatch() {
        return watch;
    }

    public IngestFactory getIngest() {
        return ingest;
    }

    public InputLimits buildInputLimits() {
        return limits.build();
    }
}
