package io.redline.watch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs webhooks may be sent to. Only http and https, no user name or password in the URL, at most
 * {@link #MAX_URL_LENGTH} characters. Unless {@code privateTargets} is allowed, every address the host resolves to
 * must be public: no loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 — cloud
 * metadata services live there), carrier-grade NAT (100.64/10), wildcard or multicast address. Otherwise anyone
 * allowed to subscribe could make this service send requests into the network it runs in (server-side request
 * forgery). The check is made when subscribing and again before each delivery; the HTTP client resolves the name
 * once more itself, so a name whose answer changes within that moment is not caught. Redirects are never followed.
 * Thread-safe.
 */
public final class TargetPolicy {
    public static final int MAX_URL_LENGTH = 2000;

    private final boolean privateTargets;

    public TargetPolicy(boolean privateTargets) {
        this.privateTargets = privateTargets;
    }

    /** Why {@code url} may not be a target; empty when it may. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("url is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("url may have at most " + MAX_URL_LENGTH + " characters, got " + url.length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("url is not a valid URI: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("url must be http or https, got '" + (uri.getScheme() == null ? "" : uri.getScheme()) + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("url must not carry a user name or password; sign with the secret instead");
        }
        if (privateTargets) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("url's host '" + uri.getHost() + "' does not resolve");
        }
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                return Optional.of("url's host resolves to " + a.getHostAddress() + ", which is not a public address "
                        + "(set watch.privateTargets to allow it)");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(first == 100 && second >= 64 && second < 128) && first != 0; // 100.64/10, 0/8
    }
}
