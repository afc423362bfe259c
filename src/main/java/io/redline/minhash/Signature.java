package io.redline.minhash;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable MinHash signature and the {@link SignatureVersion} that made it. The value array is copied
 * in and out. Signatures of different versions are never compared: {@link #estimateJaccard} refuses.
 */
public final class Signature {
    private final long[] values;
    private final SignatureVersion version;

    public Signature(long[] values, SignatureVersion version) {
        this(version, checked(values, version).clone());
    }

    private Signature(SignatureVersion version, long[] values) {
        this.version = version;
        this.values = values;
    }

    /** A signature that keeps {@code values} itself: for arrays made for it that nothing else holds. */
    static Signature adopt(long[] values, SignatureVersion version) {
        return new Signature(version, checked(values, version));
    }

    private static long[] checked(long[] values, SignatureVersion version) {
        Objects.requireNonNull(version, "version");
        if (values.length != version.length()) {
            throw new IllegalArgumentException(
                    "signature of version " + version.id() + " needs " + version.length() + " values, got " + values.length);
        }
        return values;
    }

    public SignatureVersion version() {
        return version;
    }

    public int length() {
        return values.length;
    }

    public long value(int i) {
        return values[i];
    }

    public long[] values() {
        return values.clone();
    }

    /** Whether the signed text had no shingle at all. */
    public boolean isEmpty() {
        return values.length > 0 && values[0] == MinHasher.EMPTY;
    }

    /** Fraction of positions that agree: an unbiased estimate of the Jaccard similarity of the two sets. */
    public double estimateJaccard(Signature other) {
        if (!version.equals(other.version)) {
            throw new IllegalArgumentException(
                    "cannot compare signatures of versions " + version.id() + " and " + other.version.id());
        }
        if (isEmpty() || other.isEmpty()) {
            return 0.0;
        }
        int same = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == other.values[i]) {
                same++;
            }
        }
        return (double) same / values.length;
    }

    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Long.BYTES);
        buffer.asLongBuffer().put(values);
        return buffer.array();
    }

    public static Signature fromBytes(byte[] bytes, SignatureVersion version) {
        if (bytes.length % Long.BYTES != 0) {
            throw new IllegalArgumentException("a stored signature must be a whole number of 8-byte values, got "
                    + bytes.length + " bytes");
        }
        long[] values = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(values);
        return adopt(values, version);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && version.equals(s.version) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * version.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Signature[" + version.id() + ", " + Arrays.toString(Arrays.copyOf(values, Math.min(4, values.length)))
                + (values.length > 4 ? "...]" : "]");
    }
}
