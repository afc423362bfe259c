package io.redline.cli;

import io.redline.store.ArticleStore;
import io.redline.store.RedlineDao;
import io.redline.testing.Commands;
import io.redline.testing.Fixtures;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code redline load config.yml FILE}: the documented way to fill the database without a server. */
class LoadCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void loadsTheFixturesIntoTheConfiguredDatabase() {
        TestDatabase db = TestDatabase.h2();
        Optional<Throwable> failure = run(db, "load", "config.yml", Fixtures.SEEDS.toString());

        assertThat(failure).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("loaded 10 lines").contains("CREATED/NEW=9").contains("CREATED/REVISION=1").contains("9 stories");
        ArticleStore store = new ArticleStore(db.migratedJdbi());
        assertThat(store.read(RedlineDao::countArticles)).isEqualTo(10);
        assertThat(store.read(dao -> dao.article("seed-07")).orElseThrow().storyId())
                .isEqualTo(store.read(dao -> dao.article("seed-08")).orElseThrow().storyId());
    }

    @Test
    void reportsBadLinesByFileAndLineAndFails() throws Exception {
        Path file = Files.createTempFile("redline-load", ".jsonl");
        Files.writeString(file, "{\"id\": \"ok\", \"body\": \"A short but real story about a bridge vote.\"}\n{\"id\": \"bad\"}\n");
        Optional<Throwable> failure = run(TestDatabase.h2(), "load", "config.yml", file.toString());

        assertThat(failure).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ":2: body is required");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("loaded 2 lines").contains("ERROR=1");
    }

    private Optional<Throwable> run(TestDatabase db, String... args) {
        return Commands.run(db, out, err, args);
    }
}
