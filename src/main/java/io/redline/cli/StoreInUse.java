package io.redline.cli;

import java.sql.SQLException;

/** An embedded H2 store that another process (a running server) holds open: what to tell the user. */
final class StoreInUse {
    /** H2's error code for a file that another process has open (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private StoreInUse() {
    }

    /** {@code e} as a message that says what to do ({@code instead}) if the store is open elsewhere; else {@code e}. */
    static RuntimeException explained(RuntimeException e, String url, String instead) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return new IllegalStateException("the H2 store " + url + " is open in a running Redline: " + instead, e);
            }
        }
        return e;
    }
}
