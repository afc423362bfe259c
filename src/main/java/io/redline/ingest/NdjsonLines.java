package io.redline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads newline-delimited JSON one line at a time, never holding more than {@code maxBytes} of a line: a longer
 * line is skipped to its end and reported as too long, so one huge line cannot exhaust memory. Each line is
 * decoded as strict UTF-8: a line with invalid bytes is reported as such, and the lines after it are read as
 * usual. Not thread-safe.
 */
public final class NdjsonLines {
    /** One line: its 1-based number and its text; or no text, and why ({@code tooLong} or {@code invalidUtf8}). */
    public record Line(int number, String text, boolean tooLong, boolean invalidUtf8) {
        public boolean readable() {
            return text != null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[1024];
    private int number;
    private boolean ended;

    public NdjsonLines(InputStream in, int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        }
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        if (ended) {
            return null;
        }
        int length = 0;
        boolean tooLong = false;
        boolean newline = false;
        while (!newline) {
            if (position == limit && !fill()) {
                ended = true;
                break;
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (position < limit) {
                position++;
                newline = true;
            }
            if (tooLong || length + chunk > maxBytes) {
                tooLong = true;
                continue;
            }
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.min(maxBytes, Math.max(2 * line.length, length + chunk)));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
        }
        if (ended && length == 0 && !tooLong) {
            return null;
        }
        number++;
        if (tooLong) {
            return new Line(number, null, true, false);
        }
        try {
            return new Line(number, decoder().decode(ByteBuffer.wrap(line, 0, length)).toString(), false, false);
        } catch (CharacterCodingException e) {
            return new Line(number, null, false, true);
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
