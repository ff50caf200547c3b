package cn.duban.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;

/**
 * One Duban node: the application's jar (as {@code ./mvnw package} builds it) in a JVM of its own, on its own port,
 * with the shared database and the job executor on. It can be stopped, or killed as {@code kill -9} would.
 */
final class DubanNode implements AutoCloseable {

    static final String ADMIN = "cluster-admin";
    static final String ADMIN_PASSWORD = "Cluster-Adm1n-Pass";

    /** A node starts in seconds; on a machine busy with other builds it has been seen to take over three minutes. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private Process process;
    private long startedAt;
    private long upAt;

    private DubanNode(String name, int port, List<String> command, Path log) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.log = log;
    }

    /** A node on the database; {@code extra} are further {@code --name=value} settings. */
    static DubanNode on(ClusterDatabase database, String name, String... extra) {
        return launch(name, List.of("-jar", jar().toString()), database.nodeArguments(), extra);
    }

    /**
     * A node started from the jar as Spring Boot recommends for production: extracted once ({@code java
     * -Djarmode=tools -jar duban.jar extract}), so its classes load from plain jars on the class path, as the bare
     * engine's do, instead of from jars nested in the jar.
     */
    static DubanNode extractedOn(ClusterDatabase database, String name, String... extra) {
        return launch(name, List.of("-jar", extractedJar().toString()), database.nodeArguments(), extra);
    }

    /**
     * The bare engine (Camunda's starter alone, see {@code BareCamundaApplication}) in its own JVM, on its own
     * database of the same server, for comparisons; {@code classPath} is the test class path.
     */
    static DubanNode bareEngine(ClusterDatabase database, String name, String classPath) {
        return launch(
                name,
                List.of("-cp", classPath, "cn.duban.cluster.bare.BareCamundaApplication"),
                List.of(
                        "--spring.config.location=classpath:/bare-camunda.yaml",
                        "--spring.datasource.url=" + database.jdbcUrl().replace("/postgres", "/bare"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password="));
    }

    private static DubanNode launch(
            String name, List<String> program, List<String> databaseArguments, String... extra) {
        int port = ClusterDatabase.freePort();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx768m"));
        command.addAll(program);
        command.addAll(databaseArguments);
        command.addAll(List.of(
                "--server.port=" + port,
                // The name in the engine's job log, so that a test can tell which node ran a job.
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // A dead node's jobs are taken over once their lock expires; keep the wait short in tests.
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                // Idle nodes look for due jobs often, so that every node joins in as soon as work is due.
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=500"));
        command.addAll(List.of(extra));
        Path logs = Path.of("target", "cluster-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DubanNode(name, port, command, logs.resolve(name + ".log"));
    }

    String name() {
        return name;
    }

    /** A Spring test client of this node, for the helpers of the in-process tests. */
    TestRestTemplate rest() {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port));
    }

    DubanNode start() {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("DUBAN_ADMIN_USER", ADMIN);
        builder.environment().put("DUBAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
        try {
            startedAt = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until the node answers its health check with UP; fails if it dies or takes too long. */
    DubanNode awaitUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (isUp()) {
                upAt = System.nanoTime();
                return this;
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " was not up after " + timeout + "; see " + log);
    }

    /**
     * Waits until an authenticated call answers 200 and returns the seconds since the JVM's launch: the application
     * is then ready for its users (Duban creates its administrator at the end of its start-up work).
     */
    double awaitAnswering(String user, String password, String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (get(user, password, path).status() == 200) {
                    return (System.nanoTime() - startedAt) / 1e9;
                }
            } catch (UncheckedIOException notListening) {
                // not yet
            }
            sleep(100);
        }
        throw new IllegalStateException(name + " did not answer " + path + " after " + timeout + "; see " + log);
    }

    /** Seconds from the JVM's launch to the first UP answer of its health check. */
    double startupSeconds() {
        return (upAt - startedAt) / 1e9;
    }

    boolean isUp() {
        try {
            return get(null, null, "/actuator/health").status() == 200;
        } catch (UncheckedIOException refused) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no commit of what is in flight. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: a graceful shutdown. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Response get(String user, String password, String path) {
        return send(user, password, HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String user, String password, String path, String contentType, String body) {
        return send(
                user,
                password,
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Response put(String user, String password, String path, String json) {
        return send(
                user,
                password,
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private Response send(String user, String password, HttpRequest.Builder request) {
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = HTTP.send(
                    request.timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    name + " did not answer " + request.build().uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("duban.jar", "target/duban-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No application jar at " + jar + ": run ./mvnw verify (or package)");
        }
        return jar.toAbsolutePath();
    }

    private static synchronized Path extractedJar() {
        Path jar = jar();
        Path directory = jar.resolveSibling("duban-extracted");
        try {
            Process extract = new ProcessBuilder(
                            javaExecutable(),
                            "-Djarmode=tools",
                            "-jar",
                            jar.toString(),
                            "extract",
                            "--force",
                            "--destination",
                            directory.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (extract.waitFor() != 0) {
                throw new IllegalStateException("Could not extract " + jar + " (exit " + extract.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return directory.resolve(jar.getFileName());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }

    record Response(int status, String body) {}
}
