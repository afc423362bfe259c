package io.redline.resources;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.redline.api.ErrorBody;
import io.redline.health.DatabaseOutage;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Database failures as JSON errors. An outage (see {@link DatabaseOutage}: read-only, disk full, unreachable)
 * is {@code 503 {"code":503,"message":"the database is unavailable: ..."}} with a {@code Retry-After}, counted by
 * the meter {@value #UNAVAILABLE_METER}; any other database error is a 500 that names no internals, its stack
 * trace going to the log only. Jdbi wraps every JDBC failure, so one mapper for {@link JdbiException} sees all.
 */
public final class DatabaseErrorMappers {
    public static final String UNAVAILABLE_METER = "redline.database.unavailable";
    /** Seconds a client should wait before retrying: about the time a restarted database needs. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrorMappers.class);

    private DatabaseErrorMappers() {
    }

    public static Object[] all(MetricRegistry metrics) {
        return new Object[]{new JdbiFailure(metrics.meter(UNAVAILABLE_METER))};
    }

    static final class JdbiFailure implements ExceptionMapper<JdbiException> {
        private final Meter unavailable;

        JdbiFailure(Meter unavailable) {
            this.unavailable = unavailable;
        }

        @Override
        public Response toResponse(JdbiException e) {
            Optional<DatabaseOutage> outage = DatabaseOutage.of(e);
            if (outage.isPresent()) {
                unavailable.mark();
                // expected while it lasts and possibly at every request: one line, no stack trace
                LOG.warn("answered 503: {}", outage.get().message());
                return Response.fromResponse(ErrorMappers.json(ErrorBody.of(503, outage.get().message())))
                        .header("Retry-After", RETRY_AFTER_SECONDS).build();
            }
            LOG.error("database error", e);
            return ErrorMappers.json(ErrorBody.of(500, "database error (" + e.getClass().getSimpleName() + "), logged"));
        }
    }
}
