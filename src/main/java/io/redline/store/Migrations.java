package io.redline.store;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies migrations.xml, the same change log that {@code redline db migrate} runs, so that the first start
 * on an empty database just works. Liquibase's lock table keeps concurrent replicas from racing.
 */
public final class Migrations {
    public static final String CHANGELOG = "migrations.xml";

    private Migrations() {
    }

    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            // Liquibase turns auto-commit off; a pooled connection must go back as it came, or later writes on
            // it would never commit.
            boolean autoCommit = connection.getAutoCommit();
            try {
                update(connection);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("could not migrate the database: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("deprecation") // Liquibase's command API needs more ceremony for the same call
    private static void update(Connection connection) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        // The change log shipped with this class, not every copy the thread's context class loader can see: under
        // spark-submit in local mode that loader sees the job jar twice (the driver's and the executor's copy),
        // and Liquibase refuses a change log it finds twice.
        ClassLoaderResourceAccessor changeLog = new ClassLoaderResourceAccessor(Migrations.class.getClassLoader());
        new Liquibase(CHANGELOG, changeLog, database).update(new Contexts(), new LabelExpression());
    }
}
