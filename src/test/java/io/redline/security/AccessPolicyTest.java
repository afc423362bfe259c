package io.redline.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.redline.security.AccessPolicy.ADMIN;
import static io.redline.security.AccessPolicy.APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {
    @Test
    void thePageNeedsNoKey() {
        assertThat(APPLICATION.required("GET", "/")).isEmpty();
        assertThat(APPLICATION.required("GET", "/ui/app.js")).isEmpty();
        assertThat(APPLICATION.required("HEAD", "/ui/style.css")).isEmpty();
        assertThat(APPLICATION.required("GET", "/favicon.ico")).isEmpty();
        assertThat(APPLICATION.required("POST", "/")).contains(Role.WRITE);
        assertThat(APPLICATION.required("GET", "/uix")).contains(Role.READ);
    }

    @Test
    void readsCheckAndDiffNeedRead() {
        for (String path : new String[]{"/stats", "/stories", "/stories/3/timeline", "/articles/a1", "/diff", "/nothing"}) {
            assertThat(APPLICATION.required("GET", path)).as(path).contains(Role.READ);
        }
        assertThat(APPLICATION.required("POST", "/check")).contains(Role.READ);
        assertThat(APPLICATION.required("POST", "/diff")).contains(Role.READ);
    }

    @Test
    void everyOtherCallNeedsWrite() {
        assertThat(APPLICATION.required("POST", "/articles")).contains(Role.WRITE);
        assertThat(APPLICATION.required("POST", "/articles/bulk")).contains(Role.WRITE);
        assertThat(APPLICATION.required("DELETE", "/articles/a1")).contains(Role.WRITE);
        assertThat(APPLICATION.required("PUT", "/check")).contains(Role.WRITE);
        assertThat(APPLICATION.required("OPTIONS", "/articles")).contains(Role.WRITE);
        assertThat(APPLICATION.required("POST", "/check/")).contains(Role.WRITE);
    }

    @Test
    void theAdminPortNeedsAdminExceptForHealth() {
        assertThat(ADMIN.required("GET", "/healthcheck")).isEmpty();
        assertThat(ADMIN.required("GET", "/ping")).isEmpty();
        assertThat(ADMIN.required("POST", "/healthcheck")).contains(Role.ADMIN);
        for (String path : new String[]{"/", "/metrics", "/threads", "/pprof", "/tasks/gc", "/tasks/log-level"}) {
            assertThat(ADMIN.required("GET", path)).as(path).isEqualTo(Optional.of(Role.ADMIN));
            assertThat(ADMIN.required("POST", path)).as(path).isEqualTo(Optional.of(Role.ADMIN));
        }
    }
}
