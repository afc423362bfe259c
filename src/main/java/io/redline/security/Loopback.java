package io.redline.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether a host name or address stays on this machine: {@code localhost}, {@code 127.0.0.0/8} or {@code ::1}.
 * Only literals are recognised; no name is looked up, so a name that DNS maps to 127.0.0.1 does not count
 * (that is how DNS rebinding reaches a local service).
 */
public final class Loopback {
    private Loopback() {
    }

    /** {@code "localhost"}, {@code "127.0.0.1"}, {@code "[::1]"} → true; {@code "0.0.0.0"}, {@code "example.org"}, null → false. */
    public static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.matches("[0-9a-f:.]+")) {
            return false;
        }
        try {
            // a literal address: getByName parses it without a DNS query
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
