package io.redline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which kind of database a connection reaches, by the product name its driver reports. */
enum DatabaseKind {
    H2, POSTGRES, OTHER;

    static DatabaseKind of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("h2") ? H2 : product.contains("postgres") ? POSTGRES : OTHER;
    }
}
