package io.redline.cli;

import io.redline.store.ArticleStore;
import io.redline.store.H2Compaction;
import io.redline.store.RedlineDao;
import io.redline.testing.Commands;
import io.redline.testing.Fixtures;
import io.redline.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code redline compact config.yml}: gives back the space H2 had not reclaimed, and keeps every article. */
class CompactCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void rewritesTheStoreWithItsLiveDataAndKeepsEveryArticle() throws Exception {
        TestDatabase db = TestDatabase.h2();
        assertThat(Commands.run(db, out, err, "load", "config.yml", Fixtures.SEEDS.toString())).isEmpty();
        Path file = H2Compaction.file(db.url()).orElseThrow();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("store file " + file);
        // many small commits, as a long load makes, each leaving the space of the one before dead; closed without
        // the compaction H2 would otherwise do at close
        try (Connection c = DriverManager.getConnection(db.url() + ";MAX_COMPACT_TIME=0", db.user(), db.password());
             Statement s = c.createStatement()) {
            for (int i = 0; i < 300; i++) {
                s.executeUpdate("UPDATE health_probe SET checked_at = " + i + " WHERE id = 1");
            }
        }
        long before = Files.size(file);

        Optional<Throwable> failure = Commands.run(db, out, err, "compact", "config.yml");

        assertThat(failure).isEmpty();
        long after = Files.size(file);
        assertThat(after).as("file size after compacting, from %d bytes", before).isLessThan(before / 2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("compacted " + file + ": ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        ArticleStore store = new ArticleStore(db.migratedJdbi());
        assertThat(store.read(RedlineDao::countArticles)).isEqualTo(10);
        assertThat(store.read(dao -> dao.article("seed-07")).orElseThrow().storyId())
                .isEqualTo(store.read(dao -> dao.article("seed-08")).orElseThrow().storyId());
    }

    @Test
    void refusesAnythingButAnEmbeddedH2Store() {
        TestDatabase postgres = new TestDatabase(TestDatabase.Kind.POSTGRES, "jdbc:postgresql://127.0.0.1:5432/redline",
                "redline", "");
        Optional<Throwable> failure = Commands.run(postgres, out, err, "compact", "config.yml");

        assertThat(failure).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("compact is for the embedded H2 store");
    }

    @Test
    void createsNoStoreWhereThereIsNone() {
        TestDatabase db = TestDatabase.h2();
        Optional<Throwable> failure = Commands.run(db, out, err, "compact", "config.yml");

        assertThat(failure).isPresent();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("there is no H2 store at");
        assertThat(H2Compaction.file(db.url()).orElseThrow()).doesNotExist();
    }
}
