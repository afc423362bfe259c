package io.redline.security;

import java.util.Objects;

/**
 * One configured key: a name to tell keys apart in logs and errors, the secret, and a role. {@link #toString}
 * leaves the secret out so that it cannot reach a log by accident.
 */
public record ApiKey(String name, String secret, Role role) {
    public ApiKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(role, "role");
    }

    @Override
    public String toString() {
        return "ApiKey[name=" + name + ", role=" + role.label() + ", secret=(hidden)]";
    }
}
