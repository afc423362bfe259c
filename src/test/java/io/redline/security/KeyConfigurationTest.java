package io.redline.security;

import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The security block of config.yml: keys validated without being shown, and read from the environment. */
class KeyConfigurationTest {
    @Test
    void aShortKeyStopsTheStartWithoutShowingIt() {
        KeyedConfig config = KeyedConfig.write("  apiKeys:\n    - {name: cms, key: short-secret, role: write}\n");
        assertThatThrownBy(() -> RunningRedline.withConfig(config.file(), TestDatabase.h2()).close())
                .satisfies(e -> assertThat(allMessages(e)).contains("security.apiKeys[0].key size must be between 16 and 512")
                        .doesNotContain("short-secret"));
    }

    @Test
    void anUnknownRoleStopsTheStart() {
        KeyedConfig config = KeyedConfig.write("  apiKeys:\n    - {name: cms, key: cms-secret-0123456789, role: owner}\n");
        assertThatThrownBy(() -> RunningRedline.withConfig(config.file(), TestDatabase.h2()).close())
                .satisfies(e -> assertThat(allMessages(e)).contains("owner").contains("security.apiKeys"));
    }

    @Test
    void twoKeysWithTheSameValueStopTheStart() {
        KeyedConfig config = KeyedConfig.write("""
                  apiKeys:
                    - {name: cms, key: same-secret-0123456789, role: write}
                    - {name: web, key: same-secret-0123456789, role: read}
                """);
        assertThatThrownBy(() -> RunningRedline.withConfig(config.file(), TestDatabase.h2()).close())
                .satisfies(e -> assertThat(allMessages(e)).contains("API key 'web' has the same value as another key")
                        .doesNotContain("same-secret"));
    }

    @Test
    void aKeyCanComeFromAnEnvironmentVariable() {
        // PATH is set wherever tests run and is longer than 16 characters; a deployment would use its own name
        String path = System.getenv("PATH");
        KeyedConfig config = KeyedConfig.write("  apiKeys:\n    - {name: cms, key: \"${PATH}\", role: write}\n");
        try (RunningRedline redline = RunningRedline.withConfig(config.file(), TestDatabase.h2())) {
            assertThat(redline.send("GET", "/stats", null, null, "X-Api-Key", path).status()).isEqualTo(200);
            assertThat(redline.send("GET", "/stats", null, null, "X-Api-Key", "${PATH}").status()).isEqualTo(401);
        }
    }

    @Test
    void anUnsetEnvironmentVariableStopsTheStartInsteadOfBecomingTheKey() {
        KeyedConfig config = KeyedConfig.write("  apiKeys:\n    - {name: cms, key: \"${REDLINE_TEST_UNSET_KEY}\", role: write}\n");
        assertThatThrownBy(() -> RunningRedline.withConfig(config.file(), TestDatabase.h2()).close())
                .satisfies(e -> assertThat(allMessages(e)).contains("REDLINE_TEST_UNSET_KEY"));
    }

    private static String allMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
