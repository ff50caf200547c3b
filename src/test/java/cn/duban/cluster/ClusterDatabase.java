package cn.duban.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one PostgreSQL that every node of a test cluster shares: a real server from the embedded binaries, on a fixed
 * port and data directory, so that a test can stop it under load and start it again with every committed row.
 */
final class ClusterDatabase implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private ClusterDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static ClusterDatabase start() throws IOException {
        Path directory = Files.createTempDirectory(Path.of("target"), "cluster-db-");
        ClusterDatabase database = new ClusterDatabase(directory.toAbsolutePath(), freePort());
        database.startServer();
        return database;
    }

    void startServer() throws IOException {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    /** Stops the server the way an operator's restart would: sessions end, committed work stays on disk. */
    void stopServer() throws IOException {
        server.close();
        server = null;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Each call on its own connection, so a test reads what the nodes committed. */
    JdbcClient jdbc() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl());
        dataSource.setUser("postgres");
        return JdbcClient.create(dataSource);
    }

    long count(String sql, Object... params) {
        return jdbc().sql(sql).params(List.of(params)).query(Long.class).single();
    }

    /** The settings a Duban node needs to use this database instead of an embedded one of its own. */
    List<String> nodeArguments() {
        return List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            stopServer();
        }
    }
}
