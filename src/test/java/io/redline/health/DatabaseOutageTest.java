package io.redline.health;

import io.redline.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Failures raised by the real drivers, told apart: outages (503) from errors in what was asked (500). */
class DatabaseOutageTest {
    @Test
    void aRefusedPostgresConnectionIsUnreachable() throws IOException {
        Jdbi nobody = Jdbi.create("jdbc:postgresql://localhost:" + closedPort() + "/redline?connectTimeout=1",
                "postgres", "postgres");
        Optional<DatabaseOutage> outage = DatabaseOutage.of(failure(nobody, h -> h.execute("SELECT 1")));
        assertThat(outage).contains(new DatabaseOutage(DatabaseOutage.Kind.UNREACHABLE, "cannot connect (SQLState 08001)"));
        assertThat(outage.get().message()).isEqualTo("the database is unavailable: cannot connect (SQLState 08001)");
    }

    @Test
    void aWriteToAReadOnlyH2StoreIsReadOnly() throws SQLException {
        TestDatabase store = TestDatabase.h2();
        store.migratedJdbi();
        // migratedJdbi keeps the store open for the JVM, read-write; close it so that it can be opened read-only
        try (Connection c = DriverManager.getConnection(store.url() + ";DB_CLOSE_DELAY=-1", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
        Jdbi readOnly = Jdbi.create(store.url() + ";ACCESS_MODE_DATA=r", "sa", "");
        assertThat(DatabaseOutage.of(failure(readOnly, h -> h.execute("UPDATE health_probe SET checked_at = 1"))))
                .contains(new DatabaseOutage(DatabaseOutage.Kind.READ_ONLY, "the database is read-only"));
    }

    @Test
    void badStatementsAndBrokenConstraintsAreNotOutages() {
        Jdbi h2 = TestDatabase.h2().migratedJdbi();
        assertThat(DatabaseOutage.of(failure(h2, h -> h.execute("SELECT nothing FROM nowhere")))).isEmpty();
        // the message quotes the stored value: words in data must not pass for the operating system's
        h2.useHandle(h -> h.execute("INSERT INTO counters (name, next_value) VALUES ('No space left on device', 1)"));
        assertThat(DatabaseOutage.of(failure(h2, h -> h.execute(
                "INSERT INTO counters (name, next_value) VALUES ('No space left on device', 2)")))).isEmpty();
    }

    @Test
    void aFullDiskBeatsTheLostConnectionItCaused() {
        SQLException lost = new SQLException("connection lost", "08006");
        lost.initCause(new IOException("No space left on device"));
        assertThat(DatabaseOutage.of(new RuntimeException(lost)).map(DatabaseOutage::kind))
                .contains(DatabaseOutage.Kind.DISK_FULL);
    }

    @Test
    void postgresShutdownAndTimeoutsAreOutages() {
        assertThat(DatabaseOutage.of(new SQLException("terminating connection due to administrator command", "57P01")))
                .contains(new DatabaseOutage(DatabaseOutage.Kind.UNREACHABLE,
                        "the database server is not accepting work (SQLState 57P01)"));
        assertThat(DatabaseOutage.of(new SQLException("canceling statement due to statement timeout", "57014"))
                .map(DatabaseOutage::kind)).contains(DatabaseOutage.Kind.TIMED_OUT);
        assertThat(DatabaseOutage.of(null)).isEmpty();
    }

    private static JdbiException failure(Jdbi jdbi, Consumer<org.jdbi.v3.core.Handle> work) {
        return catchThrowableOfType(JdbiException.class, () -> jdbi.useHandle(work::accept));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
