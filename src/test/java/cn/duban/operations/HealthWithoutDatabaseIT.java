package cn.duban.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A load balancer takes a node out as soon as it has lost its database: health says DOWN (503) within seconds of
 * PostgreSQL stopping, not after the connection pool's half-minute waits, and UP again once it is back, while
 * requests work as before. This test has a PostgreSQL server of its own, which it stops and starts.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "duban.embedded-postgres.enabled=false",
            // Camunda keeps engines and the webapps' filters in static registries: closing this context must not take
            // away the engine "default" nor the webapps of the other tests' context in the same JVM.
            "camunda.bpm.process-engine-name=healthtest",
            "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
            "spring.datasource.username=postgres",
            "spring.datasource.password=",
            "camunda.bpm.job-execution.enabled=false",
            "duban.notification.delivery-enabled=false",
            "duban.dashboard.count-folding-enabled=false"
        })
@DirtiesContext
class HealthWithoutDatabaseIT {

    private static final Duration DOWN_WITHIN = Duration.ofSeconds(5);

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres server;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        dataDirectory =
                Files.createTempDirectory(Path.of("target"), "health-db-").toAbsolutePath();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        startServer();
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + port + "/postgres");
    }

    @Test
    void healthIsDownWithinFiveSecondsOfLosingTheDatabaseAndUpOnceItIsBack() throws IOException {
        String user = users.member("health-unit", "ecology-environment");
        assertThat(Http.anonymous(rest).get("/actuator/health").status()).isEqualTo(200);

        server.close();
        long started = System.nanoTime();
        Http.Response health = Http.anonymous(rest).get("/actuator/health");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().path("status").asText()).isEqualTo("DOWN");
        assertThat(took)
                .as("DOWN within %s, took %s ms", DOWN_WITHIN, took.toMillis())
                .isLessThan(DOWN_WITHIN);
        System.out.println("health DOWN after losing the database: " + took.toMillis() + " ms");

        startServer();
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Http.anonymous(rest).get("/actuator/health").status() == 200);
        assertThat(Http.as(rest, user).get("/api/me").status())
                .as("requests work again")
                .isEqualTo(200);
    }

    /** The same server on the same port and data: a stop and start loses nothing committed. */
    private static void startServer() throws IOException {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }
}
