package io.redline;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.redline.watch.RetrySchedule;
import io.redline.watch.TargetPolicy;
import io.redline.watch.WebhookSender;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * The {@code watch} block of config.yml: webhook delivery. Nothing is sent until someone subscribes
 * ({@code POST /subscriptions}, write role). Defaults are the constants of {@link WebhookSender.Settings#DEFAULT}
 * and {@link RetrySchedule#DEFAULT}.
 */
public class WatchFactory {
    /** Where readers reach this service: the base of the links in webhook bodies. */
    @NotBlank
    @JsonProperty
    private String baseUrl = "http://127.0.0.1:8080";

    /** Allow targets on loopback and private networks (off: only public addresses, against SSRF). */
    @JsonProperty
    private boolean privateTargets = false;

    @Min(1) @Max(100_000)
    @JsonProperty
    private int maxSubscriptions = 1000;

    @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration pollInterval = millis(WebhookSender.Settings.DEFAULT.pollInterval());

    @Min(1) @Max(64)
    @JsonProperty
    private int senders = WebhookSender.Settings.DEFAULT.senders();

    @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration connectTimeout = millis(WebhookSender.Settings.DEFAULT.connectTimeout());

    @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration readTimeout = millis(WebhookSender.Settings.DEFAULT.readTimeout());

    @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration firstRetry = millis(RetrySchedule.DEFAULT.first());

    @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration maxRetry = millis(RetrySchedule.DEFAULT.max());

    @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
    @JsonProperty
    private double jitter = RetrySchedule.DEFAULT.jitter();

    @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration giveUpAfter = millis(RetrySchedule.DEFAULT.giveUpAfter());

    /** The health check {@code webhook-delivery} turns unhealthy when an event waits longer than this. */
    @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS)
    @JsonProperty
    private Duration maxLag = Duration.hours(1);

    private static Duration millis(java.time.Duration d) {
        return Duration.milliseconds(d.toMillis());
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public int getMaxSubscriptions() {
        return maxSubscriptions;
    }

    public java.time.Duration getMaxLag() {
        return maxLag.toJavaDuration();
    }

    public TargetPolicy buildTargetPolicy() {
        return new TargetPolicy(privateTargets);
    }

    public WebhookSender.Settings buildSettings() {
        return new WebhookSender.Settings(pollInterval.toJavaDuration(), senders, connectTimeout.toJavaDuration(),
                readTimeout.toJavaDuration(), new RetrySchedule(firstRetry.toJavaDuration(), maxRetry.toJavaDuration(),
                jitter, giveUpAfter.toJavaDuration()));
    }
}
