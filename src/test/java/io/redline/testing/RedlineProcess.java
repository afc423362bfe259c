package io.redline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code target/redline.jar}, or system property {@code redline.jar}) run as a child process
 * — {@code server} or another command — against a test database, so that a test can kill it as the operating
 * system would. Its output goes to a log file. Close it to kill it if it is still running; never leaves it
 * behind. Not thread-safe.
 */
public final class RedlineProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;

    private RedlineProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The jar under test. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("redline.jar", "target/redline.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run mvn verify (package builds it)");
        }
        return jar;
    }

    /** Starts {@code redline.jar server config.yml} on free loopback ports and waits until it answers. */
    public static RedlineProcess server(TestDatabase db, Path log) {
        return server(db, log, List.of());
    }

    /** As {@link #server(TestDatabase, Path)}, with more settings: {@code -Ddw.<path>=value} each. */
    public static RedlineProcess server(TestDatabase db, Path log, List<String> extraSettings) {
        int port = freePort();
        List<String> settings = new ArrayList<>(List.of(
                "-Ddw.server.applicationConnectors[0].port=" + port,
                "-Ddw.server.applicationConnectors[0].bindHost=127.0.0.1",
                "-Ddw.server.adminConnectors[0].port=" + freePort(),
                "-Ddw.server.adminConnectors[0].bindHost=127.0.0.1",
                "-Ddw.logging.level=WARN"));
        for (String[] o : db.configOverrides()) {
            settings.add("-Ddw." + o[0] + "=" + o[1]);
        }
        settings.addAll(extraSettings);
        RedlineProcess server = new RedlineProcess(start(settings, log, "server", "config.yml"), log, port);
        server.awaitUp();
        return server;
    }

    /** Starts {@code redline.jar} with {@code args} (a client command such as {@code post}); does not wait. */
    public static RedlineProcess command(Path log, String... args) {
        return new RedlineProcess(start(List.of(), log, args), log, -1);
    }

    private static Process start(List<String> settings, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC"));
        command.addAll(settings);
        command.addAll(List.of("-jar", copyOfJar(log.getParent()).toString()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /**
     * The jar, copied under another name next to the logs. On the shared test machine our servers were stopped
     * from outside twice in the middle of a run; a name of its own keeps a broad {@code pkill -f redline.jar}
     * meant for other servers off ours.
     */
    private static Path copyOfJar(Path dir) {
        Path copy = dir.resolve("redline-under-test.jar");
        try {
            if (!Files.exists(copy)) {
                Files.copy(jar(), copy);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL on Linux: no shutdown hook, no flush, no close; waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM: Dropwizard stops cleanly (H2 closes its file). */
    public void stop() {
        process.destroy();
        if (waitFor(Duration.ofSeconds(60)) == null) {
            kill();
        }
    }

    /** The exit code, or null if the process is still running after {@code timeout}. */
    public Integer waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitUp() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redline.jar server exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url("/stats"))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        kill();
        throw new IllegalStateException("redline.jar server did not answer within " + START_TIMEOUT + ":\n" + log());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
