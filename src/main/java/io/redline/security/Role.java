package io.redline.security;

import java.util.Locale;

/**
 * What an API key may do. Each role includes the ones before it: {@code write} may also read, {@code admin}
 * may also write.
 *
 * <ul>
 *   <li>{@code READ}: the page's data, check, diff, articles, stories, stats.</li>
 *   <li>{@code WRITE}: store (POST /articles, POST /articles/bulk) and delete articles.</li>
 *   <li>{@code ADMIN}: the admin port's tasks, metrics, threads and profiles.</li>
 * </ul>
 */
public enum Role {
    READ, WRITE, ADMIN;

    /** True when a key with this role may make a call that needs {@code needed}. */
    public boolean grants(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The name used in config.yml and in error messages: read, write, admin. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
