package io.redline.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's config.yml with API keys, and with the application log (INFO, Redline's own loggers DEBUG) and the request log written to files
 * in a temporary folder so that a test can read what was logged.
 */
record KeyedConfig(Path file, Path applicationLog, Path requestLog) {
    static final String READ_KEY = "read-key-0123456789-abcdef";
    static final String WRITE_KEY = "write-key-0123456789-abcdef";
    static final String ADMIN_KEY = "admin-key-0123456789-abcdef";

    /** Three keys: "reader" (read), "cms" (write), "ops" (admin). */
    static KeyedConfig write() {
        return write("""
                  apiKeys:
                    - {name: reader, key: %s, role: read}
                    - {name: cms, key: %s, role: write}
                    - {name: ops, key: %s, role: admin}
                """.formatted(READ_KEY, WRITE_KEY, ADMIN_KEY));
    }

    /** With the given {@code apiKeys} block, indented by two spaces under {@code security:}. */
    static KeyedConfig write(String apiKeys) {
        try {
            Path dir = Files.createTempDirectory("redline-keyed-");
            KeyedConfig c = new KeyedConfig(dir.resolve("config.yml"), dir.resolve("redline.log"), dir.resolve("requests.log"));
            String yaml = Files.readString(Path.of("config.yml"));
            yaml = replace(yaml, "security:\n  apiKeys: []\n", "security:\n" + apiKeys);
            yaml = replace(yaml, "server:\n", """
                    server:
                      requestLog:
                        appenders:
                          - {type: file, currentLogFilename: "%s", archive: false}
                    """.formatted(c.requestLog()));
            yaml = replace(yaml, "logging:\n  level: INFO\n", """
                    logging:
                      level: INFO
                      appenders:
                        - {type: file, currentLogFilename: "%s", archive: false}
                    """.formatted(c.applicationLog()));
            // everything Redline's own code logs, at every level
            yaml = replace(yaml, "    liquibase: WARN\n", "    liquibase: WARN\n    io.redline: DEBUG\n");
            Files.writeString(c.file(), yaml);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String replace(String text, String what, String with) {
        if (!text.contains(what)) {
            throw new IllegalStateException("config.yml no longer contains: " + what);
        }
        return text.replace(what, with);
    }
}
