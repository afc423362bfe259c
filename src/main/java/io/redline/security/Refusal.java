package io.redline.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.redline.api.ErrorBody;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * Writes a refused request's answer: the status and an {@link ErrorBody} as JSON, like every API error; then reads
 * away what the client is still sending, up to {@link #DRAIN_BYTES}. A server that closes a connection with
 * unread bytes makes the kernel send a reset, and a client still uploading (most do not wait for
 * {@code 100-continue}) then loses the answer already on its way: it sees "connection reset" instead of the 413.
 */
public final class Refusal {
    /** Bytes of a refused body read and discarded before closing; a bigger body gets the reset. */
    static final long DRAIN_BYTES = 16L << 20;

    private final ObjectMapper json;

    public Refusal(ObjectMapper json) {
        this.json = json;
    }

    public void send(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        response.setStatus(status);
        // the body is not read as a request: close the connection so that no client sends its next request on it
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ErrorBody.of(status, message));
        response.flushBuffer();
        discardBody(request);
    }

    private static void discardBody(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared == 0 || declared > DRAIN_BYTES) {
            return;
        }
        try {
            readAway(request.getInputStream(), DRAIN_BYTES);
        } catch (IOException | RuntimeException e) {
            // the body cannot be read at all: the connection closes either way
        }
    }

    /**
     * Reads and discards {@code in} to its end or past {@code max} bytes, whichever comes first; a failure to
     * read (the client went away, a corrupt or over-limit body) ends it, as the connection will be closed anyway.
     */
    public static void readAway(InputStream in, long max) {
        byte[] skip = new byte[64 << 10];
        long read = 0;
        try {
            int n;
            while (read <= max && (n = in.read(skip, 0, skip.length)) >= 0) {
                read += n;
            }
        } catch (IOException | RuntimeException e) {
            // nothing to answer any more: the connection closes either way
        }
    }
}
