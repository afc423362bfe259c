package io.redline.cli;

import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP/1.1 POST that reads its answer while it is still sending: the request body goes out chunked from
 * the calling thread, and a second thread hands each line of the answer to a consumer as soon as it arrives.
 * The JDK's {@code HttpClient} cannot do this: over HTTP/1.1 it starts reading the answer only once the whole
 * request body is sent (measured against Redline: a 150-line upload got its first answer line after its last
 * line was sent), so a client killed, or a server lost, part-way would have kept nothing.
 *
 * <p>Example: {@code StreamingPost.send(URI.create("http://localhost:8080/articles/bulk"), "application/x-ndjson", null,
 * out -> out.write(bytes), line -> results.println(line))} → {@code 200}, with {@code line} called once per
 * answer line while {@code bytes} were still going out.
 *
 * <p>http and https (the JVM's default trust store); no redirects, no proxies. Each call is independent.
 */
final class StreamingPost {
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int MAX_HEADER_LINE = 64 * 1024;

    /** Writes the request body; the stream is chunked and flushed by {@link StreamingPost}. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Receives the answer, on the reading thread. */
    interface Answer {
        /** Each line of a 2xx answer, without its line end, as it arrives. */
        void line(String line) throws IOException;
    }

    /**
     * The status and, when it is not 2xx, the whole answer.
     *
     * @param error the body of a non-2xx answer; null for 2xx
     */
    record Outcome(int status, String error) {
    }

    private StreamingPost() {
    }

    /**
     * Sends {@code body} to {@code url} and hands the answer's lines to {@code answer} while sending.
     *
     * @throws IOException if the connection fails or ends before the answer is complete; the lines received
     *                     before that have been handed over
     */
    static Outcome send(URI url, String contentType, String apiKey, Body body, Answer answer)
            throws IOException, InterruptedException {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        if (!tls && !"http".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("only http and https URLs, got " + url);
        }
        int port = url.getPort() >= 0 ? url.getPort() : tls ? 443 : 80;
        Socket plain = new Socket();
        try (plain) {
            plain.connect(new InetSocketAddress(url.getHost(), port), CONNECT_TIMEOUT_MILLIS);
            Socket socket = tls
                    ? ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, url.getHost(), port, true)
                    : plain;
            AtomicReference<Outcome> outcome = new AtomicReference<>();
            AtomicReference<IOException> readFailure = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    outcome.set(read(socket.getInputStream(), answer));
                } catch (IOException e) {
                    readFailure.set(e);
                    closeQuietly(socket); // unblocks the sender if the server still holds the connection
                }
            }, "post-answer-reader");
            reader.setDaemon(true);
            reader.start();
            IOException writeFailure = null;
            try {
                OutputStream raw = new BufferedOutputStream(socket.getOutputStream(), CHUNK_BYTES + 16);
                String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
                raw.write(("POST " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + port
                        + "\r\nContent-Type: " + contentType + "\r\nAccept: */*\r\nTransfer-Encoding: chunked"
                        + (apiKey == null ? "" : "\r\nX-Api-Key: " + apiKey)
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                ChunkedOutputStream chunked = new ChunkedOutputStream(raw);
                BufferedOutputStream buffered = new BufferedOutputStream(chunked, CHUNK_BYTES);
                body.writeTo(buffered);
                buffered.flush();
                chunked.finish();
            } catch (IOException e) {
                // the server may have answered and closed early (an error status, or it went away): the
                // reader says which
                writeFailure = e;
            }
            reader.join();
            if (outcome.get() != null) {
                return outcome.get();
            }
            IOException failure = readFailure.get() != null ? readFailure.get() : writeFailure;
            if (writeFailure != null && failure != writeFailure) {
                failure.addSuppressed(writeFailure);
            }
            throw failure != null ? failure : new EOFException("no answer from " + url);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing only to stop the sender
        }
    }

    private static Outcome read(InputStream socketIn, Answer answer) throws IOException {
        InputStream in = new BufferedInputStream(socketIn);
        String statusLine = headerLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        boolean chunked = false;
        long length = -1;
        for (String h = headerLine(in); !h.isEmpty(); h = headerLine(in)) {
            int colon = h.indexOf(':');
            String name = colon < 0 ? h : h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = colon < 0 ? "" : h.substring(colon + 1).trim();
            if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            } else if (name.equals("content-length")) {
                length = Long.parseLong(value);
            }
        }
        if (status == 100) {
            return read(in, answer);
        }
        InputStream body = chunked ? new ChunkedInputStream(in) : length >= 0 ? limit(in, length) : in;
        if (status / 100 != 2) {
            return new Outcome(status, new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isEmpty()) {
                answer.line(line);
            }
        }
        return new Outcome(status, null);
    }

    /** A CRLF-terminated line of the status or headers; EOF before its end is an error. */
    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed before the answer's headers ended");
            }
            if (line.size() > MAX_HEADER_LINE) {
                throw new IOException("an answer header line longer than " + MAX_HEADER_LINE + " bytes");
            }
            line.write(c);
        }
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static InputStream limit(InputStream in, long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("the connection closed " + left + " bytes before the answer's end");
                }
                left -= n;
                return n;
            }
        };
    }

    /** HTTP/1.1 chunked transfer coding: each write is one chunk; {@link #finish} sends the last, empty one. */
    private static final class ChunkedOutputStream extends OutputStream {
        private final OutputStream out;

        ChunkedOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b, off, len);
            out.write('\r');
            out.write('\n');
            out.flush();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        void finish() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    /** Decodes HTTP/1.1 chunked transfer coding; a connection that ends before the last chunk is an error. */
    private static final class ChunkedInputStream extends InputStream {
        private final InputStream in;
        private long left;
        private boolean ended;

        ChunkedInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (left == 0) {
                String size = headerLine(in);
                int extension = size.indexOf(';');
                left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (left == 0) {
                    for (String trailer = headerLine(in); !trailer.isEmpty(); trailer = headerLine(in)) {
                        // trailers carry nothing Redline uses
                    }
                    ended = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("the connection closed in the middle of the answer");
            }
            left -= n;
            if (left == 0) {
                headerLine(in); // the CRLF after the chunk's data
            }
            return n;
        }
    }
}
