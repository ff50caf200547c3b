package cn.duban.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code duban.evidence.*}: how large one file may be, how many one step may carry, and where new files go
 * ({@code database}, the default, or {@code s3} with {@code duban.evidence.s3.*}).
 */
@ConfigurationProperties("duban.evidence")
record EvidenceProperties(
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("30") int maxFilesPerStep,
        @DefaultValue("database") String storage,
        S3 s3) {

    /** An S3-compatible store (MinIO, Ceph, a cloud's object storage): addressed by path, with static keys. */
    record S3(
            String endpoint,
            @DefaultValue("us-east-1") String region,
            String bucket,
            String accessKey,
            String secretKey) {}

    boolean usesS3() {
        return "s3".equalsIgnoreCase(storage);
    }
}
