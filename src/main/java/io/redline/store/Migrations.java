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

    @SuppressWarnings("deprecation") // Liquibase's command API needs more ceremony for the same call
    public static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
            liquibase.update(new Contexts(), new LabelExpression());
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("could not migrate the database: " + e.getMessage(), e);
        }
    }
}
