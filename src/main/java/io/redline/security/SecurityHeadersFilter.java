package io.redline.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Puts the browser-hardening headers on every answer, before anything else runs so that refusals and errors
 * carry them too. Two Content-Security-Policies:
 * <ul>
 *   <li>the editors' page ({@code /}, {@code /ui/*}): scripts, styles and calls from this origin only, nothing
 *   inline;</li>
 *   <li>everything else, including the server-rendered HTML diff and time line: no script at all; inline
 *   styles allowed, because those pages are self-contained with a {@code <style>} block and style attributes.</li>
 * </ul>
 * Both forbid framing ({@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}). Everything but the
 * page is also {@code Cache-Control: no-store}; a resource that sets its own cache header replaces it.
 */
public final class SecurityHeadersFilter extends HttpFilter {
    public static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    public static final String DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final boolean servesPage;

    /** {@code servesPage}: this context serves the editors' page at {@code /} and {@code /ui/*}. */
    SecurityHeadersFilter(boolean servesPage) {
        this.servesPage = servesPage;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPath.of(request);
        boolean page = servesPage && (path.equals("/") || path.startsWith("/ui/"));
        response.setHeader("Content-Security-Policy", page ? PAGE_POLICY : DOCUMENT_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        if (!page) {
            // answers carry stored articles, and with keys they depend on who asked: no cache may keep them
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
