package cn.duban.evidence;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stores of evidence files: the database always (it holds the files kept there before an S3 store was
 * configured), and an S3-compatible store when {@code duban.evidence.storage=s3}, which then takes every new file.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceProperties.class)
class EvidenceStorage {

    @Bean
    EvidenceStore databaseEvidenceStore(JdbcClient jdbc) {
        return new DatabaseEvidenceStore(jdbc);
    }

    @Bean
    @ConditionalOnProperty(name = "duban.evidence.storage", havingValue = "s3")
    EvidenceStore s3EvidenceStore(EvidenceProperties properties) {
        return new S3EvidenceStore(properties.s3());
    }
}
