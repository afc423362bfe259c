package io.redline.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackTest {
    @Test
    void loopbackLiteralsAndLocalhostStayOnThisMachine() {
        for (String host : new String[]{"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1"}) {
            assertThat(Loopback.isLoopback(host)).as(host).isTrue();
        }
    }

    @Test
    void everythingElseIsNot() {
        for (String host : new String[]{null, "", " ", "0.0.0.0", "::", "[::]", "10.0.0.1", "192.168.1.20", "example.org",
                "localhost.evil.example", "127.0.0.1.evil.example", "evil-localhost"}) {
            assertThat(Loopback.isLoopback(host)).as(String.valueOf(host)).isFalse();
        }
    }
}
