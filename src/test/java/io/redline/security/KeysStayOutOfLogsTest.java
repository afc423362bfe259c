package io.redline.security;

import io.redline.testing.RunningRedline;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static io.redline.security.KeyedConfig.ADMIN_KEY;
import static io.redline.security.KeyedConfig.READ_KEY;
import static io.redline.security.KeyedConfig.WRITE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Keys sent in headers, right or wrong, appear in neither the application log nor the request log. */
class KeysStayOutOfLogsTest {
    private static final String WRONG_KEY = "wrong-key-0123456789-zzzzzz";

    @Test
    void noKeyReachesTheLogs() throws IOException {
        KeyedConfig config = KeyedConfig.write();
        try (RunningRedline redline = RunningRedline.withConfig(config.file(), TestDatabase.h2())) {
            for (String key : new String[]{READ_KEY, WRITE_KEY, ADMIN_KEY, WRONG_KEY}) {
                redline.send("GET", "/stats", null, null, "X-Api-Key", key);
                redline.send("POST", "/articles", "application/json", "{\"id\":\"log-1\",\"body\":\"Rescue teams "
                        + "searched the valley.\"}", "X-Api-Key", key);
                redline.send("POST", "/articles", "application/json", "{\"id\":", "X-Api-Key", key);
                redline.send("POST", redline.adminUrl("/tasks/gc"), null, null, "Authorization", "Bearer " + key);
            }
        }
        String app = Files.readString(config.applicationLog());
        String requests = Files.readString(config.requestLog());
        // both logs were written: the start names the keys, the request log has the calls
        assertThat(app).contains("cms (write)").contains("reader (read)").contains("ops (admin)");
        assertThat(requests).contains("GET /stats").contains("POST /tasks/gc").contains("\" 401 ").contains("\" 403 ");
        for (String log : new String[]{app, requests}) {
            assertThat(log).doesNotContain(READ_KEY).doesNotContain(WRITE_KEY).doesNotContain(ADMIN_KEY)
                    .doesNotContain(WRONG_KEY).doesNotContain("0123456789");
        }
    }
}
