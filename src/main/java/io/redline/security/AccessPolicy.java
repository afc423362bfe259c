package io.redline.security;

import java.util.Optional;
import java.util.Set;

/**
 * Which role a request needs, from its method and its path within the context; empty when it needs none.
 * Anything not named as readable needs the highest role of its port, so a new endpoint is closed until it is
 * placed here.
 */
public enum AccessPolicy {
    /**
     * The application port. The page ({@code GET /}, {@code /ui/*}, {@code /favicon.ico}) carries no data and is open; safe methods
     * and the two read-only POSTs ({@code /check}, {@code /diff}) need {@code read}; every other call
     * (store, bulk, delete) needs {@code write}.
     */
    APPLICATION {
        @Override
        public Optional<Role> required(String method, String path) {
            boolean safe = SAFE.contains(method);
            if (safe && (path.equals("/") || path.equals("/ui") || path.startsWith("/ui/") || path.equals("/favicon.ico"))) {
                return Optional.empty();
            }
            if (safe || method.equals("POST") && READ_POSTS.contains(path)) {
                return Optional.of(Role.READ);
            }
            return Optional.of(Role.WRITE);
        }
    },
    /** The admin port: {@code /healthcheck} and {@code /ping} stay open for load balancers; the rest needs {@code admin}. */
    ADMIN {
        @Override
        public Optional<Role> required(String method, String path) {
            if (SAFE.contains(method) && (path.equals("/healthcheck") || path.equals("/ping"))) {
                return Optional.empty();
            }
            return Optional.of(Role.ADMIN);
        }
    };

    private static final Set<String> SAFE = Set.of("GET", "HEAD");
    private static final Set<String> READ_POSTS = Set.of("/check", "/diff");

    public abstract Optional<Role> required(String method, String path);
}
