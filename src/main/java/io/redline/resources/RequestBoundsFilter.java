package io.redline.resources;

import io.redline.budget.Deadline;
import io.redline.ingest.BodyTooLarge;
import io.redline.ingest.BulkIngest;
import io.redline.ingest.InputLimits;
import io.redline.ingest.InvalidInputException;
import io.redline.security.Refusal;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Bounds every request of the application port. Its body: a declared length over the limit is refused with
 * 413 before anything is read, and a body that turns out longer (chunked, or inflated from gzip) ends with
 * {@link BodyTooLarge} at the first byte past the limit. Its time: the request's work runs inside a
 * {@link Deadline} of {@code limits.requestTime}. The bulk endpoint's body is bounded by
 * {@code limits.bulkBytes} instead, and its time per line (see {@code BulkIngest}).
 */
public final class RequestBoundsFilter implements Filter {
    static final String BULK_PATH = "/articles/bulk";

    private final InputLimits limits;
    private final Refusal refusal;

    public RequestBoundsFilter(InputLimits limits, Refusal refusal) {
        this.limits = limits;
        this.refusal = refusal;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        boolean bulk = BULK_PATH.equals(http.getRequestURI());
        long max = bulk ? limits.bulkBytes() : limits.requestBytes();
        String limitName = bulk ? "limits.bulkBytes" : "limits.requestBytes";
        if (http.getContentLengthLong() > max) {
            refusal.send(http, (HttpServletResponse) response, 413, "request body is " + http.getContentLengthLong()
                    + " bytes, over the limit of " + max + " bytes (" + limitName + ")");
            return;
        }
        BoundedRequest bounded = new BoundedRequest(http, max, limitName);
        if (bulk) {
            chain.doFilter(bounded, response);
            return;
        }
        try {
            Deadline.within(limits.requestTime(), () -> {
                try {
                    chain.doFilter(bounded, response);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new WrappedServletException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (WrappedServletException e) {
            throw (ServletException) e.getCause();
        } finally {
            bounded.drain();
        }
    }

    private static final class WrappedServletException extends RuntimeException {
        WrappedServletException(ServletException e) {
            super(e);
        }
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {
        private final long max;
        private final String limitName;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long max, String limitName) {
            super(request);
            this.max = max;
            this.limitName = limitName;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), max, limitName);
            }
            return stream;
        }

        /**
         * Reads what the answer left of the body (a 415 or 400 is decided before the body is read), within the
         * limit: Jetty drops a connection with unread content, and a client that sent its next request on it
         * would get no answer.
         */
        void drain() {
            if (getContentLengthLong() == 0) {
                return;
            }
            try {
                // past the limit the bounded stream throws, and Jetty closes the connection, as it should
                Refusal.readAway(getInputStream(), Long.MAX_VALUE);
            } catch (IOException | RuntimeException e) {
                // unreadable: likewise
            }
        }
    }

    private static final class BoundedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private final String limitName;
        private long count;

        BoundedStream(ServletInputStream in, long max, String limitName) {
            this.in = in;
            this.max = max;
            this.limitName = limitName;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                n = in.read(b, off, len);
            } catch (RuntimeException e) {
                // Jetty's request inflater reports a corrupt gzip body as an unchecked exception
                throw InvalidInputException.malformed(null, "the request body could not be decoded: "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            }
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > max) {
                throw new BodyTooLarge(max, limitName);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
