package io.redline.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The configured API keys, held as SHA-256 digests. {@link #identify} compares a presented key with every
 * configured one in time that does not depend on where they differ or on which one matches: each comparison
 * is {@link MessageDigest#isEqual} over two 32-byte digests, and the loop never stops early. Comparing
 * digests also hides the length of the configured keys.
 *
 * <p>Example: with {@code [ApiKey("cms", "s3cret-0123456789", WRITE)]}, {@code identify("s3cret-0123456789")}
 * gives {@code Caller("cms", WRITE)} and {@code identify("guess")} gives empty.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiKeys {
    private record Entry(byte[] digest, Caller caller) {
    }

    private final List<Entry> entries;

    public ApiKeys(List<ApiKey> keys) {
        Set<String> names = new HashSet<>();
        Set<String> digests = new HashSet<>();
        for (ApiKey key : keys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("two API keys are named '" + key.name() + "'; names must differ");
            }
            if (!digests.add(HexFormat.of().formatHex(sha256(key.secret())))) {
                throw new IllegalArgumentException("API key '" + key.name() + "' has the same value as another key; "
                        + "give each client its own key");
            }
        }
        this.entries = keys.stream().map(k -> new Entry(sha256(k.secret()), new Caller(k.name(), k.role()))).toList();
    }

    public static ApiKeys none() {
        return new ApiKeys(List.of());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The names and roles of the keys, for a log line: "cms (write), editors (read)". */
    public String describe() {
        return String.join(", ", entries.stream().map(e -> e.caller().name() + " (" + e.caller().role().label() + ")")
                .toList());
    }

    /** The caller whose key this is, or empty when it is no configured key. {@code presented} may be null. */
    public Optional<Caller> identify(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        Caller found = null;
        for (Entry e : entries) {
            if (MessageDigest.isEqual(digest, e.digest())) {
                found = e.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
