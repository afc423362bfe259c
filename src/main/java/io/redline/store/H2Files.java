package io.redline.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps an embedded H2 store private to the user that runs Redline: no TCP port (H2's AUTO_SERVER listens on
 * every interface, with a key readable in the lock file), and a store folder that only its owner can enter.
 * An H2 file is the whole database; anyone who can read it can read every article.
 *
 * <p>Example: {@code jdbc:h2:./data/redline;WRITE_DELAY=0} makes {@code ./data} mode 700 and the files in it
 * 600; {@code jdbc:h2:./data/redline;AUTO_SERVER=TRUE} is refused.
 */
public final class H2Files {
    private H2Files() {
    }

    /** Refuses a URL that opens a port, and closes the store's folder to other users. No-op for other databases. */
    public static void secure(String url) {
        Optional<Path> file = storeFile(url);
        if (file.isEmpty()) {
            return;
        }
        String settings = url.toUpperCase(Locale.ROOT);
        if (settings.contains(";AUTO_SERVER=TRUE")) {
            throw new IllegalStateException("database.url " + url + " sets AUTO_SERVER=TRUE, which opens an H2 TCP port"
                    + " on every network interface: remove it. To load a file while the server runs, use `redline post`.");
        }
        Path folder = file.get().toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                String name = file.get().getFileName().toString();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, name + ".*")) {
                    for (Path f : files) {
                        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the H2 store folder " + folder + " private", e);
        }
    }

    /** The file path of an embedded H2 URL ({@code jdbc:h2:path} or {@code jdbc:h2:file:path}); empty otherwise. */
    static Optional<Path> storeFile(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        } else if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:") || path.startsWith("zip:")) {
            return Optional.empty();
        }
        if (path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return path.isEmpty() ? Optional.empty() : Optional.of(Path.of(path));
    }
}
