package io.redline.watch;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Signs webhook bodies: hex HMAC-SHA256, keyed with the subscription's secret, of the timestamp (Unix seconds), a
 * dot and the body bytes. The receiver recomputes it and rejects a timestamp too far from its clock, so a captured
 * delivery cannot be replayed later. Example: secret {@code s3cret-s3cret-16}, timestamp {@code 1700000000}, body
 * {@code {}} → HMAC of {@code 1700000000.{}}. Stateless, thread-safe.
 */
public final class Signer {
    /** Header carrying {@code t=<timestamp>,v1=<hex HMAC>}. */
    public static final String SIGNATURE_HEADER = "X-Redline-Signature";
    public static final String TIMESTAMP_HEADER = "X-Redline-Timestamp";
    public static final String EVENT_HEADER = "X-Redline-Event";

    private Signer() {
    }

    public static String hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** The value of {@link #SIGNATURE_HEADER}. */
    public static String header(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp, body);
    }
}
