package io.redline.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {
    private static final ApiKeys KEYS = new ApiKeys(List.of(
            new ApiKey("reader", "reader-secret-0123456789", Role.READ),
            new ApiKey("cms", "cms-secret-0123456789", Role.WRITE),
            new ApiKey("ops", "ops-secret-0123456789", Role.ADMIN)));

    @Test
    void aConfiguredKeyIdentifiesItsCaller() {
        assertThat(KEYS.identify("reader-secret-0123456789")).contains(new Caller("reader", Role.READ));
        assertThat(KEYS.identify("cms-secret-0123456789")).contains(new Caller("cms", Role.WRITE));
        assertThat(KEYS.identify("ops-secret-0123456789")).contains(new Caller("ops", Role.ADMIN));
    }

    @Test
    void anythingElseIdentifiesNobody() {
        for (String presented : new String[]{null, "", "cms-secret-012345678", "cms-secret-01234567890",
                "CMS-SECRET-0123456789", " cms-secret-0123456789", "cms", "reader-secret-0123456789\u0000"}) {
            assertThat(KEYS.identify(presented)).as(String.valueOf(presented)).isEmpty();
        }
        assertThat(ApiKeys.none().identify("cms-secret-0123456789")).isEmpty();
        assertThat(ApiKeys.none().isEmpty()).isTrue();
        assertThat(KEYS.isEmpty()).isFalse();
    }

    @Test
    void twoKeysWithOneNameOrOneValueAreRefusedWithoutShowingTheValue() {
        assertThatThrownBy(() -> new ApiKeys(List.of(new ApiKey("cms", "first-secret-0123456789", Role.WRITE),
                new ApiKey("cms", "second-secret-0123456789", Role.READ))))
                .hasMessage("two API keys are named 'cms'; names must differ");
        assertThatThrownBy(() -> new ApiKeys(List.of(new ApiKey("cms", "same-secret-0123456789", Role.WRITE),
                new ApiKey("web", "same-secret-0123456789", Role.READ))))
                .hasMessage("API key 'web' has the same value as another key; give each client its own key")
                .message().doesNotContain("same-secret");
    }

    @Test
    void theSecretStaysOutOfDescriptions() {
        ApiKey key = new ApiKey("cms", "cms-secret-0123456789", Role.WRITE);
        assertThat(key.toString()).isEqualTo("ApiKey[name=cms, role=write, secret=(hidden)]");
        assertThat(KEYS.describe()).isEqualTo("reader (read), cms (write), ops (admin)");
    }

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        assertThat(Role.READ.grants(Role.READ)).isTrue();
        assertThat(Role.READ.grants(Role.WRITE)).isFalse();
        assertThat(Role.WRITE.grants(Role.READ)).isTrue();
        assertThat(Role.WRITE.grants(Role.ADMIN)).isFalse();
        assertThat(Role.ADMIN.grants(Role.WRITE)).isTrue();
    }
}
