package io.redline.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses, with 403, a request that could change something (POST, PUT, PATCH, DELETE) when a browser says
 * it comes from another site: a {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}, or an
 * {@code Origin} other than the request's own scheme, host and port. Requests without these headers (curl, a
 * CMS) pass: only browsers send them, and only browsers can be made to write on an editor's behalf.
 *
 * <p>Example: a POST to {@code http://localhost:8080/articles} with {@code Origin: http://localhost:8080}
 * passes; with {@code Origin: https://evil.example} it is refused.
 *
 * <p>Behind a proxy that terminates TLS, turn on {@code useForwardedHeaders} for the connector so that the
 * request's own origin is the one the browser sees.
 */
public final class OriginFilter extends HttpFilter {
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    private final Refusal refusal;

    OriginFilter(Refusal refusal) {
        this.refusal = refusal;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (UNSAFE.contains(request.getMethod())) {
            String site = request.getHeader("Sec-Fetch-Site");
            String origin = request.getHeader("Origin");
            if (site != null && !OWN_SITE.contains(site.toLowerCase(Locale.ROOT))
                    || origin != null && !sameOrigin(origin, request)) {
                refusal.send(request, response, 403, "a page from another site may not change anything here "
                        + "(cross-origin " + request.getMethod() + " refused)");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false; // includes "null", sent by sandboxed frames and file: pages
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
        return scheme.equals(request.getScheme().toLowerCase(Locale.ROOT))
                && bare(uri.getHost()).equals(bare(request.getServerName()))
                && port == request.getServerPort();
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
