package io.redline.health;

import com.codahale.metrics.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DiskSpaceCheckTest {
    @Test
    void findsTheFolderOfAnH2FileStore() {
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(DiskSpaceCheck.h2Directory("jdbc:h2:./data/redline;WRITE_DELAY=0;TRACE_MAX_FILE_SIZE=4"))
                .contains(cwd.resolve("data"));
        assertThat(DiskSpaceCheck.h2Directory("jdbc:h2:file:/var/lib/redline/store")).contains(Path.of("/var/lib/redline"));
        assertThat(DiskSpaceCheck.h2Directory("jdbc:h2:~/redline"))
                .contains(Path.of(System.getProperty("user.home")));
    }

    @Test
    void otherDatabasesHaveNoLocalFolder() {
        assertThat(DiskSpaceCheck.h2Directory("jdbc:h2:mem:test")).isEmpty();
        assertThat(DiskSpaceCheck.h2Directory("jdbc:h2:tcp://db.example/redline")).isEmpty();
        assertThat(DiskSpaceCheck.h2Directory("jdbc:postgresql://localhost/redline")).isEmpty();
        assertThat(DiskSpaceCheck.h2Directory(null)).isEmpty();
    }

    @Test
    void reportsTheFreeSpace(@TempDir Path dir) {
        HealthCheck.Result result = new DiskSpaceCheck(dir).execute();
        // the build's disk has room: the check would be red with less than min(64 MB, 5 %) left
        assertThat(result.isHealthy()).as(result.getMessage()).isTrue();
        assertThat(result.getMessage()).startsWith(dir + ": ").contains(" free of ");
        assertThat((Long) result.getDetails().get("usableBytes")).isPositive();
    }

    @Test
    void aMissingFolderIsRed(@TempDir Path dir) {
        HealthCheck.Result result = new DiskSpaceCheck(dir.resolve("gone")).execute();
        assertThat(result.isHealthy()).isFalse();
        assertThat(result.getMessage()).startsWith("cannot read the free space of " + dir.resolve("gone"));
    }
}
