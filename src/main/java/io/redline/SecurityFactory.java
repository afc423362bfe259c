package io.redline;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.server.ServerFactory;
import io.redline.security.ApiKey;
import io.redline.security.ApiKeys;
import io.redline.security.ExposedConnectors;
import io.redline.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The {@code security} block of config.yml: the API keys clients send in {@code X-Api-Key}.
 *
 * <pre>
 * security:
 *   apiKeys:
 *     - name: cms
 *       key: ${REDLINE_CMS_KEY}
 *       role: write
 * </pre>
 *
 * No keys is allowed only while every connector listens on loopback; {@link #buildApiKeys} refuses anything else.
 */
public class SecurityFactory {
    /** Shorter keys are refused: 16 characters is the least that cannot be guessed online. */
    public static final int MIN_KEY_LENGTH = 16;

    /** One entry of {@code apiKeys}. The key stays out of {@link #toString}, so validation messages cannot log it. */
    public record KeyEntry(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]+", message = "may hold only letters, digits, '.', '_' and '-'")
            @JsonProperty String name,
            @NotNull @Size(min = MIN_KEY_LENGTH, max = 512) @JsonProperty String key,
            @NotNull @JsonProperty Role role) {
        @Override
        public String toString() {
            return "KeyEntry[name=" + name + ", role=" + role + ", key=(hidden)]";
        }
    }

    @Valid
    @NotNull
    @JsonProperty
    private List<KeyEntry> apiKeys = List.of();

    /**
     * The configured keys. Fails when there are none and a connector listens beyond loopback, naming the
     * connector and the two ways out.
     */
    public ApiKeys buildApiKeys(ServerFactory server) {
        ApiKeys keys = new ApiKeys(apiKeys.stream().map(k -> new ApiKey(k.name(), k.key(), k.role())).toList());
        List<String> exposed = ExposedConnectors.of(server);
        if (keys.isEmpty() && !exposed.isEmpty()) {
            throw new IllegalStateException("Refusing to start: no API keys are configured (security.apiKeys) and "
                    + String.join(", ", exposed) + " listens beyond this machine, so anyone who can reach it could "
                    + "read, write and delete. Either set bindHost: 127.0.0.1 on every application and admin "
                    + "connector, or configure security.apiKeys (see README, Operations > Keys and roles).");
        }
        return keys;
    }
}
