package io.redline.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class H2FilesTest {
    @Test
    void theStoreFolderAndItsFilesAreClosedToOtherUsers() throws Exception {
        Path dir = Files.createTempDirectory("redline-h2-perm-").resolve("data");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path db = Files.writeString(dir.resolve("redline.mv.db"), "x");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));

        H2Files.secure("jdbc:h2:" + dir.resolve("redline") + ";WRITE_DELAY=0");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(db))).isEqualTo("rw-------");
    }

    @Test
    void aUrlThatWouldOpenATcpPortIsRefused() {
        assertThatThrownBy(() -> H2Files.secure("jdbc:h2:./target/h2-refused/redline;AUTO_SERVER=TRUE"))
                .hasMessageContaining("AUTO_SERVER=TRUE").hasMessageContaining("redline post");
    }

    @Test
    void onlyEmbeddedFileUrlsAreTouched() {
        assertThat(H2Files.storeFile("jdbc:h2:./data/redline;WRITE_DELAY=0")).contains(Path.of("./data/redline"));
        assertThat(H2Files.storeFile("jdbc:h2:file:/srv/redline")).contains(Path.of("/srv/redline"));
        assertThat(H2Files.storeFile("jdbc:h2:mem:test")).isEqualTo(Optional.empty());
        assertThat(H2Files.storeFile("jdbc:h2:tcp://db/redline")).isEqualTo(Optional.empty());
        assertThat(H2Files.storeFile("jdbc:postgresql://localhost/redline")).isEqualTo(Optional.empty());
    }
}
