package io.redline.security;

import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without keys Redline starts only when every connector listens on loopback, and says why otherwise. */
class StartupRefusalTest {
    @Test
    void anApplicationConnectorOnAllInterfacesWithoutKeysIsRefused() {
        assertThatThrownBy(() -> new RunningRedline(TestDatabase.h2(),
                "server.applicationConnectors[0].bindHost", "0.0.0.0").close())
                .rootCause()
                .hasMessageStartingWith("Refusing to start: no API keys are configured (security.apiKeys) and "
                        + "server.applicationConnectors[0] (port 0, bindHost 0.0.0.0) listens beyond this machine")
                .hasMessageContaining("set bindHost: 127.0.0.1 on every application and admin connector, "
                        + "or configure security.apiKeys");
    }

    @Test
    void anAdminConnectorOnAnotherAddressWithoutKeysIsRefused() {
        assertThatThrownBy(() -> new RunningRedline(TestDatabase.h2(),
                "server.adminConnectors[0].bindHost", "192.0.2.1").close())
                .rootCause().hasMessageContaining("server.adminConnectors[0] (port 0, bindHost 192.0.2.1)")
                .message().doesNotContain("applicationConnectors");
    }

    @Test
    void theShippedConfigurationStartsOnLoopback() {
        try (RunningRedline redline = new RunningRedline(TestDatabase.h2())) {
            assertThat(redline.get("/stats").status()).isEqualTo(200);
        }
    }
}
