package cn.duban.operations;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code database}: PostgreSQL answers, and every Flyway migration of Duban's schema has succeeded. */
@Component
class DatabaseHealthIndicator extends AbstractHealthIndicator {

    private final JdbcClient jdbc;

    DatabaseHealthIndicator(JdbcClient jdbc) {
        super("database check failed");
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        long started = System.nanoTime();
        String version = jdbc.sql("select current_setting('server_version')").query(String.class).single();
        long millis = (System.nanoTime() - started) / 1_000_000;
        long failedMigrations = jdbc.sql("select count(*) from duban.flyway_schema_history where not success")
                .query(Long.class).single();
        String schemaVersion = jdbc.sql("""
                        select version from duban.flyway_schema_history where success and version is not null
                        order by installed_rank desc limit 1""")
                .query(String.class).optional().orElse("none");
        (failedMigrations == 0 ? builder.up() : builder.down().withDetail("error", "a Flyway migration failed"))
                .withDetail("database", "PostgreSQL " + version)
                .withDetail("responseMillis", millis)
                .withDetail("schemaVersion", schemaVersion);
    }
}
