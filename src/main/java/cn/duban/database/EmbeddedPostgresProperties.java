package cn.duban.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL that runs when no external database is configured.
 *
 * @param enabled       false when {@code spring.datasource.*} points at a real server (the {@code postgres} profile)
 * @param dataDirectory where the cluster lives; blank means a throw-away directory that is wiped on start
 * @param port          fixed port, or 0 for any free one
 */
@ConfigurationProperties("duban.embedded-postgres")
public record EmbeddedPostgresProperties(boolean enabled, String dataDirectory, int port) {

    boolean keepsData() {
        return dataDirectory != null && !dataDirectory.isBlank();
    }
}
