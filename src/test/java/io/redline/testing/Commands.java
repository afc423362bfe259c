package io.redline.testing;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.redline.RedlineApplication;
import io.redline.RedlineConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Runs a {@code redline} command (load, evaluate, ...) through Dropwizard's command line as a shell would,
 * with config.yml pointed at a test database, capturing what it prints.
 */
public final class Commands {
    private Commands() {
    }

    /** Runs {@code args}; what the command prints goes to {@code out} and {@code err}. Empty when it succeeded. */
    public static Optional<Throwable> run(TestDatabase db, ByteArrayOutputStream out, ByteArrayOutputStream err,
                                          String... args) {
        System.setProperty("dw.database.url", db.url());
        System.setProperty("dw.logging.level", "WARN");
        RedlineApplication app = new RedlineApplication();
        Bootstrap<RedlineConfiguration> bootstrap = new Bootstrap<>(app);
        app.initialize(bootstrap);
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream systemOut = System.out;
        PrintStream systemErr = System.err;
        // the commands report on the process's own streams, as they do from a shell
        System.setOut(stdout);
        System.setErr(stderr);
        try {
            return new Cli(new JarLocation(Commands.class), bootstrap, stdout, stderr).run(args);
        } finally {
            System.setOut(systemOut);
            System.setErr(systemErr);
            System.clearProperty("dw.database.url");
            System.clearProperty("dw.logging.level");
        }
    }
}
