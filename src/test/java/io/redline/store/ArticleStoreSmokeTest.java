package io.redline.store;

import io.redline.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleStoreSmokeTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void freshDatabaseIsMigratedAndEmpty(TestDatabase.Kind kind) {
        ArticleStore store = new ArticleStore(TestDatabase.create(kind).migratedJdbi());
        assertThat(store.read(RedlineDao::countArticles)).isZero();
        assertThat(store.read(RedlineDao::countStories)).isZero();
    }
}
