package io.redline.store;

import io.redline.testing.TestDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.ExtensionMetadata;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store's handles find its SQL Objects already described: an attach (every transaction, every read) does not
 * build a handler for each of {@link RedlineDao}'s methods again.
 */
class SqlObjectDescriptionsTest {
    @Test
    void handlesInheritTheDescriptionsTheStoreBuiltOnce() {
        Jdbi jdbi = TestDatabase.create(TestDatabase.Kind.H2).migratedJdbi();
        ArticleStore store = new ArticleStore(jdbi);
        Extensions shared = jdbi.getConfig(Extensions.class);
        ExtensionFactory factory = shared.findFactory(SqlObjectFactory.class).orElseThrow();
        for (Class<?> type : new Class<?>[]{RedlineDao.class, WatchDao.class}) {
            try (Handle handle = jdbi.open()) {
                // a handle copies the configuration when it opens: the same description, unless it builds its own
                ExtensionMetadata seen = handle.getConfig(Extensions.class).findMetadata(type, factory);
                assertThat(seen).as(type.getSimpleName()).isSameAs(shared.findMetadata(type, factory));
            }
        }
        assertThat(store.read(RedlineDao::countArticles)).isZero();
    }
}
