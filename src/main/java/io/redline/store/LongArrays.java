package io.redline.store;

import java.nio.ByteBuffer;

/** How arrays of longs (shingle hashes, bucket keys) are stored: big-endian, eight bytes each. */
public final class LongArrays {
    private LongArrays() {
    }

    public static byte[] toBytes(long[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Long.BYTES);
        buffer.asLongBuffer().put(values);
        return buffer.array();
    }

    public static long[] fromBytes(byte[] bytes) {
        long[] values = new long[bytes.length / Long.BYTES];
        ByteBuffer.wrap(bytes).asLongBuffer().get(values);
        return values;
    }
}
