package cn.duban.operations;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether PostgreSQL answers, asked on a connection of its own with short timeouts (2 s to connect, 2 s per answer),
 * so that health says DOWN within seconds of losing the database, where the application's connection pool waits
 * 30 s for a connection before giving up (long enough for a restart, which requests should survive). The engine's
 * and the job executor's indicators ask first, so they never wait for that pool when the database is gone.
 */
@Component
class DatabaseProbe implements DisposableBean {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REMEMBER_FAILURE = Duration.ofSeconds(10);

    private final HikariDataSource healthPool;
    private final JdbcClient jdbc;
    private String lastError;
    private long failedAt;

    DatabaseProbe(DataSource dataSource) throws SQLException {
        this.healthPool = healthPool(dataSource);
        this.jdbc = JdbcClient.create(healthPool == null ? dataSource : healthPool);
    }

    /** What PostgreSQL said; version and migrations are read only when it answers. */
    record Answer(
            boolean reachable,
            String error,
            String version,
            long responseMillis,
            long failedMigrations,
            String schemaVersion) {}

    /** Whether PostgreSQL answers now. */
    synchronized boolean reachable() {
        if (failedRecently()) {
            return false;
        }
        try {
            jdbc.sql("select 1").query(Integer.class).single();
            return true;
        } catch (RuntimeException unreachable) {
            failed(unreachable);
            return false;
        }
    }

    /** PostgreSQL's version and Duban's schema, if it answers. */
    synchronized Answer ask() {
        if (failedRecently()) {
            return new Answer(false, lastError, null, 0, 0, null);
        }
        long started = System.nanoTime();
        try {
            String version = jdbc.sql("select current_setting('server_version')")
                    .query(String.class)
                    .single();
            long millis = (System.nanoTime() - started) / 1_000_000;
            long failedMigrations = jdbc.sql("select count(*) from duban.flyway_schema_history where not success")
                    .query(Long.class)
                    .single();
            String schemaVersion = jdbc.sql("""
                            select version from duban.flyway_schema_history where success and version is not null
                            order by installed_rank desc limit 1""").query(String.class).optional().orElse("none");
            return new Answer(true, null, version, millis, failedMigrations, schemaVersion);
        } catch (RuntimeException unreachable) {
            failed(unreachable);
            return new Answer(false, lastError, null, (System.nanoTime() - started) / 1_000_000, 0, null);
        }
    }

    /** A "no" is remembered for a while, so the indicators of a health check (even a slow one) wait for it once. */
    private boolean failedRecently() {
        return lastError != null && System.nanoTime() - failedAt < REMEMBER_FAILURE.toNanos();
    }

    private void failed(RuntimeException unreachable) {
        lastError = "the database does not answer: " + unreachable.getMessage();
        failedAt = System.nanoTime();
    }

    /** One connection to the application's database with short timeouts; null if the pool is not Hikari's. */
    private static HikariDataSource healthPool(DataSource dataSource) throws SQLException {
        if (!dataSource.isWrapperFor(HikariDataSource.class)) {
            return null;
        }
        HikariDataSource application = dataSource.unwrap(HikariDataSource.class);
        HikariConfig config = new HikariConfig();
        config.setPoolName("duban-health");
        config.setJdbcUrl(application.getJdbcUrl());
        config.setUsername(application.getUsername());
        config.setPassword(application.getPassword());
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1); // kept warm: a busy machine must not turn a slow first connection into DOWN
        config.setConnectionTimeout(TIMEOUT.toMillis());
        config.setValidationTimeout(TIMEOUT.toMillis() / 2);
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", TIMEOUT.toSeconds());
        config.addDataSourceProperty("socketTimeout", TIMEOUT.toSeconds());
        config.addDataSourceProperty("loginTimeout", TIMEOUT.toSeconds());
        return new HikariDataSource(config);
    }

    @Override
    public void destroy() {
        if (healthPool != null) {
            healthPool.close();
        }
    }
}
