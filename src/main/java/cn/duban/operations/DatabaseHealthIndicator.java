package cn.duban.operations;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code database}: PostgreSQL answers (within seconds), and every Flyway migration of Duban's schema succeeded. */
@Component
class DatabaseHealthIndicator extends AbstractHealthIndicator {

    private final DatabaseProbe probe;

    DatabaseHealthIndicator(DatabaseProbe probe) {
        super("database check failed");
        this.probe = probe;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        DatabaseProbe.Answer answer = probe.ask();
        if (!answer.reachable()) {
            builder.down().withDetail("error", answer.error()).withDetail("responseMillis", answer.responseMillis());
            return;
        }
        (answer.failedMigrations() == 0
                        ? builder.up()
                        : builder.down().withDetail("error", "a Flyway migration failed"))
                .withDetail("database", "PostgreSQL " + answer.version())
                .withDetail("responseMillis", answer.responseMillis())
                .withDetail("schemaVersion", answer.schemaVersion());
    }
}
