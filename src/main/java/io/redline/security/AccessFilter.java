package io.redline.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Lets a request through when its API key has the role that {@link AccessPolicy} asks for: 401 without a
 * valid key, 403 with a key of too low a role. The key is read from {@code X-Api-Key} or
 * {@code Authorization: Bearer}, never from the query string, and is never logged or echoed.
 *
 * <p>With no keys configured Redline listens on loopback only (see {@link ExposedConnectors}); then every
 * request passes, provided it is addressed to a loopback name and carries no proxy header, so that a web page
 * whose host name an attacker points at 127.0.0.1 (DNS rebinding) cannot use it.
 */
public final class AccessFilter extends HttpFilter {
    public static final String KEY_HEADER = "X-Api-Key";
    /** Set on an identified request, for whatever comes after: a {@link Caller}. */
    public static final String CALLER = Caller.class.getName();

    private static final String BEARER = "Bearer ";
    private static final List<String> FORWARDING = List.of("Forwarded", "X-Forwarded-Host", "X-Forwarded-Server",
            "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Port");

    private final ApiKeys keys;
    private final AccessPolicy policy;
    private final Refusal refusal;

    AccessFilter(ApiKeys keys, AccessPolicy policy, Refusal refusal) {
        this.keys = keys;
        this.policy = policy;
        this.refusal = refusal;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (keys.isEmpty()) {
            if (!addressedToLoopback(request)) {
                refusal.send(request, response, 403, "Redline runs without API keys, so it answers only requests addressed to "
                        + "localhost, not through a proxy; configure security.apiKeys to serve it under another name");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Optional<Role> needed = policy.required(request.getMethod(), RequestPath.of(request));
        if (needed.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String presented = presentedKey(request);
        if (presented == null) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"redline\"");
            refusal.send(request, response, 401, "an API key is required: send it in the " + KEY_HEADER + " header");
            return;
        }
        Optional<Caller> caller = keys.identify(presented);
        if (caller.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"redline\", error=\"invalid_token\"");
            refusal.send(request, response, 401, "the API key is not valid");
            return;
        }
        if (!caller.get().role().grants(needed.get())) {
            refusal.send(request, response, 403, "the key '" + caller.get().name() + "' has the " + caller.get().role().label()
                    + " role; this call needs " + needed.get().label());
            return;
        }
        request.setAttribute(CALLER, caller.get());
        chain.doFilter(request, response);
    }

    /**
     * The Host header names a loopback address, and no proxy header could have replaced it: a page served by
     * rebinding may set X-Forwarded-Host, and without keys no proxy belongs in front of Redline anyway. No Host
     * header (HTTP/1.0) comes from no browser and passes.
     */
    private static boolean addressedToLoopback(HttpServletRequest request) {
        for (String header : FORWARDING) {
            if (request.getHeader(header) != null) {
                return false;
            }
        }
        String host = request.getHeader("Host");
        if (host == null) {
            return true;
        }
        int colon = host.lastIndexOf(':');
        if (colon > host.lastIndexOf(']')) {
            host = host.substring(0, colon);
        }
        return Loopback.isLoopback(host);
    }

    private static String presentedKey(HttpServletRequest request) {
        String header = request.getHeader(KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return null;
    }
}
