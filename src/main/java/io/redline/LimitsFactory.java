package io.redline;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDataSize;
import io.dropwizard.validation.MinDuration;
import io.redline.ingest.InputLimits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/** The {@code limits} block of config.yml: what one request may send and how long its work may take. */
public class LimitsFactory {
    @NotNull @MinDataSize(1)
    @JsonProperty
    private DataSize requestBytes = DataSize.bytes(InputLimits.DEFAULT_REQUEST_BYTES);

    @NotNull @MinDataSize(1)
    @JsonProperty
    private DataSize textBytes = DataSize.bytes(InputLimits.DEFAULT_TEXT_BYTES);

    @Min(1)
    @JsonProperty
    private int paragraphs = InputLimits.DEFAULT_PARAGRAPHS;

    @Min(1)
    @JsonProperty
    private int paragraphChars = InputLimits.DEFAULT_PARAGRAPH_CHARS;

    @Min(1)
    @JsonProperty
    private int bulkLines = InputLimits.DEFAULT_BULK_LINES;

    @NotNull @MinDataSize(1)
    @JsonProperty
    private DataSize bulkBytes = DataSize.bytes(InputLimits.DEFAULT_BULK_BYTES);

    @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration requestTime = Duration.milliseconds(InputLimits.DEFAULT_REQUEST_TIME.toMillis());

    @Min(1)
    @JsonProperty
    private long historyChars = InputLimits.DEFAULT_HISTORY_CHARS;

    public InputLimits build() {
        return new InputLimits(requestBytes.toBytes(), textBytes.toBytes(), paragraphs, paragraphChars, bulkLines,
                bulkBytes.toBytes(), requestTime.toJavaDuration(), historyChars);
    }
}
