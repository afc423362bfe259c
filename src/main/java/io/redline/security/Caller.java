package io.redline.security;

/** Who made a request: the name of the API key presented (never the key itself) and its role. */
public record Caller(String name, Role role) {
}
