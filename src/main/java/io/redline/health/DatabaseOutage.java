package io.redline.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Why the database cannot serve a request, read from a failure's causes: the store is read-only, its disk is
 * full, it cannot be reached (refused or lost connection, server shutting down, no pooled connection free in
 * time), or a statement ran out of time (query timeout, lock wait). Anything else, a bad statement or a broken
 * constraint, is not an outage and gives empty.
 *
 * <p>Example: a Jdbi {@code ConnectionException} caused by PostgreSQL's {@code PSQLException} with SQLState
 * {@code 08001} gives {@code Outage(UNREACHABLE, "cannot connect (SQLState 08001)")}.
 *
 * @param kind   what an operator should look at
 * @param reason a short text for an answer or a log line, without stack traces or server internals
 */
public record DatabaseOutage(Kind kind, String reason) {
    public enum Kind { READ_ONLY, DISK_FULL, UNREACHABLE, TIMED_OUT }

    /** H2's error codes (also its SQLStates) that mean the store cannot serve: see org.h2.api.ErrorCode. */
    private static final int H2_READ_ONLY = 90097;
    private static final int H2_CLOSED = 90098;
    private static final int H2_NO_DISK_SPACE = 90100;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final Set<Integer> H2_FILE_ERRORS = Set.of(
            90028, // IO_EXCEPTION_1
            90031, // IO_EXCEPTION_2
            90030, // FILE_CORRUPTED_1
            90020, // DATABASE_ALREADY_OPEN_1
            90121, // DATABASE_CALLED_AT_SHUTDOWN
            8000); // ERROR_OPENING_DATABASE_1

    /** Causes and suppressed exceptions looked at, at most; chains are short, cycles are possible. */
    private static final int MAX_LOOKED_AT = 64;

    /** The outage {@code failure} shows, or empty when it is some other error. Null gives empty. */
    public static Optional<DatabaseOutage> of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> queue = new ArrayDeque<>();
        if (failure != null) {
            queue.add(failure);
        }
        // the most telling cause wins: a full disk or read-only store over the lost connection it may lead to
        DatabaseOutage found = null;
        while (!queue.isEmpty() && seen.size() < MAX_LOOKED_AT) {
            Throwable t = queue.poll();
            if (!seen.add(t)) {
                continue;
            }
            DatabaseOutage here = classify(t);
            if (here != null && (found == null || !found.names() && here.names())) {
                found = here;
            }
            if (t.getCause() != null) {
                queue.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                queue.add(sql.getNextException());
            }
            Collections.addAll(queue, t.getSuppressed());
        }
        return Optional.ofNullable(found);
    }

    private static DatabaseOutage classify(Throwable t) {
        if (t instanceof SQLException sql) {
            return classify(sql);
        }
        if (t instanceof IOException) {
            // only the operating system's own text, never a message that could quote stored data
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left") || message.contains("disk quota")) {
                return new DatabaseOutage(Kind.DISK_FULL, "no space left on the database's disk");
            }
            if (message.contains("read-only file system")) {
                return new DatabaseOutage(Kind.READ_ONLY, "the database's files are on a read-only file system");
            }
            // a socket error under the driver, or a file error under H2
            return new DatabaseOutage(Kind.UNREACHABLE, t instanceof ConnectException ? "connection refused"
                    : t instanceof SocketTimeoutException ? "no answer in time" : "input/output error");
        }
        return null;
    }

    private static DatabaseOutage classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (isH2(e)) {
            int code = e.getErrorCode();
            if (code == H2_READ_ONLY) {
                return new DatabaseOutage(Kind.READ_ONLY, "the database is read-only");
            }
            if (code == H2_NO_DISK_SPACE) {
                return new DatabaseOutage(Kind.DISK_FULL, "no space left on the database's disk");
            }
            if (code == H2_CLOSED || H2_FILE_ERRORS.contains(code)) {
                return new DatabaseOutage(Kind.UNREACHABLE, "the database file cannot be used (H2 error " + code + ")");
            }
        }
        if (state.equals("57014") || isH2(e) && e.getErrorCode() == H2_LOCK_TIMEOUT) {
            // both databases call a cancelled statement 57014: here, a query timeout
            return new DatabaseOutage(Kind.TIMED_OUT, "no answer in time" + sqlState(state));
        }
        if (state.equals("53100")) { // PostgreSQL disk_full
            return new DatabaseOutage(Kind.DISK_FULL, "no space left on the database's disk (SQLState 53100)");
        }
        if (state.equals("25006")) { // PostgreSQL read_only_sql_transaction: a standby, or default_transaction_read_only
            return new DatabaseOutage(Kind.READ_ONLY, "the database is read-only (SQLState 25006)");
        }
        if (state.startsWith("08") || e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException) {
            return new DatabaseOutage(Kind.UNREACHABLE, "cannot connect" + sqlState(state));
        }
        if (state.startsWith("57P") || state.equals("53300")) {
            // admin or crash shutdown, cannot connect now, too many connections
            return new DatabaseOutage(Kind.UNREACHABLE, "the database server is not accepting work" + sqlState(state));
        }
        if (e.getClass().getName().equals("org.apache.tomcat.jdbc.pool.PoolExhaustedException")) {
            return new DatabaseOutage(Kind.UNREACHABLE, "no database connection free within the pool's wait");
        }
        return null;
    }

    private static boolean isH2(SQLException e) {
        return e.getClass().getName().startsWith("org.h2.");
    }

    private static String sqlState(String state) {
        return state.isEmpty() ? "" : " (SQLState " + state + ")";
    }

    /** Read-only or full: says what to fix, where a lost connection or timeout may be its consequence. */
    private boolean names() {
        return kind == Kind.READ_ONLY || kind == Kind.DISK_FULL;
    }

    /** The text of an answer: {@code the database is unavailable: <reason>}. */
    public String message() {
        return "the database is unavailable: " + reason;
    }
}
