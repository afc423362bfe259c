package io.redline.resources;

import com.codahale.metrics.MetricRegistry;
import io.redline.api.ErrorBody;
import io.redline.testing.TestDatabase;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What the real drivers' failures become: 503 with Retry-After for an outage, a 500 naming no internals else. */
class DatabaseErrorMappersTest {
    private final MetricRegistry metrics = new MetricRegistry();
    private final DatabaseErrorMappers.JdbiFailure mapper =
            (DatabaseErrorMappers.JdbiFailure) DatabaseErrorMappers.all(metrics)[0];

    @Test
    void anUnreachableDatabaseIsA503CountedByTheMeter() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Jdbi nobody = Jdbi.create("jdbc:postgresql://localhost:" + port + "/redline", "postgres", "postgres");
        Response r = mapper.toResponse(catchThrowableOfType(JdbiException.class, () -> nobody.useHandle(h -> h.execute("SELECT 1"))));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getMediaType().toString()).isEqualTo("application/json");
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(r.getEntity()).isEqualTo(ErrorBody.of(503, "the database is unavailable: cannot connect (SQLState 08001)"));
        assertThat(metrics.meter(DatabaseErrorMappers.UNAVAILABLE_METER).getCount()).isEqualTo(1);
    }

    @Test
    void anyOtherDatabaseErrorIsA500WithoutTheStatementOrTheDriversText() {
        Jdbi h2 = TestDatabase.h2().migratedJdbi();
        Response r = mapper.toResponse(catchThrowableOfType(JdbiException.class,
                () -> h2.useHandle(h -> h.execute("SELECT secret FROM nowhere"))));
        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(r.getEntity()).isEqualTo(ErrorBody.of(500, "database error (UnableToCreateStatementException), logged"));
        assertThat(metrics.meter(DatabaseErrorMappers.UNAVAILABLE_METER).getCount()).isZero();
    }
}
