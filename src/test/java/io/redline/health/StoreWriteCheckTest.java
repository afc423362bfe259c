package io.redline.health;

import com.codahale.metrics.health.HealthCheck;
import io.redline.testing.TestDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreWriteCheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void stampsTheProbeRowAndIsHealthy() {
        Jdbi jdbi = TestDatabase.h2().migratedJdbi();
        HealthCheck.Result result = new StoreWriteCheck(jdbi, CLOCK, Duration.ofSeconds(1), executor).execute();
        assertThat(result.isHealthy()).as(result.getMessage()).isTrue();
        assertThat(result.getMessage()).startsWith("wrote the probe row in ");
        long checkedAt = jdbi.withHandle(h -> h.createQuery("SELECT checked_at FROM health_probe WHERE id = 1")
                .mapTo(Long.class).one());
        assertThat(checkedAt).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void aStoreWithoutTheProbeTableIsRedWithoutInternals() {
        Jdbi unmigrated = Jdbi.create(TestDatabase.h2().url(), "sa", "");
        HealthCheck.Result result = new StoreWriteCheck(unmigrated, CLOCK, Duration.ofSeconds(1), executor).execute();
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage())
                .isEqualTo("cannot write: UnableToCreateStatementException caused by JdbcSQLSyntaxErrorException");
    }

    @Test
    void aProbeThatCannotGetItsRowLockFailsWithinTheTimeout() {
        Jdbi jdbi = TestDatabase.postgres().migratedJdbi();
        try (Handle holder = jdbi.open()) {
            holder.begin();
            holder.execute("SELECT checked_at FROM health_probe WHERE id = 1 FOR UPDATE");
            long started = System.nanoTime();
            HealthCheck.Result result = new StoreWriteCheck(jdbi, CLOCK, Duration.ofSeconds(1), executor).execute();
            long millis = (System.nanoTime() - started) / 1_000_000;
            holder.rollback();
            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage()).isEqualTo("cannot write: no answer in time (SQLState 57014)");
            assertThat(result.getDetails()).containsEntry("outage", "TIMED_OUT");
            assertThat(millis).isBetween(900L, 3000L);
        }
    }

    @Test
    void aTimeoutUnderOneSecondIsRefused() {
        assertThatThrownBy(() -> new StoreWriteCheck(Jdbi.create("jdbc:h2:mem:none"), CLOCK, Duration.ofMillis(500), executor))
                .hasMessage("timeout must be at least one second, got PT0.5S");
    }
}
