package cn.duban.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL from Maven Central binaries when no database server is configured, so development,
 * tests and production share one SQL dialect. Spring owns its lifecycle: it stops after the engine has shut down.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "duban.embedded-postgres.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    SpringManagedPostgres embeddedPostgres(EmbeddedPostgresProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (properties.keepsData()) {
            Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath();
            Files.createDirectories(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info(
                "Embedded PostgreSQL listening on port {} (data: {})",
                postgres.getPort(),
                properties.keepsData() ? properties.dataDirectory() : "temporary");
        return new SpringManagedPostgres(postgres);
    }

    @Bean
    DataSource dataSource(SpringManagedPostgres server) {
        EmbeddedPostgres postgres = server.postgres();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("duban-embedded");
        return new HikariDataSource(config);
    }
}
