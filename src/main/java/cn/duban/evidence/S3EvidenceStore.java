package cn.duban.evidence;

import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Files in an S3-compatible store, one object per file under {@code evidence/<id>}, so evidence outgrows one
 * database. The bucket is created on first use if it does not exist. Every node of a cluster uses the same bucket.
 */
final class S3EvidenceStore implements EvidenceStore {

    static final String NAME = "S3";

    private final S3Client client;
    private final String bucket;

    S3EvidenceStore(EvidenceProperties.S3 settings) {
        if (settings == null || blank(settings.endpoint()) || blank(settings.bucket())) {
            throw new IllegalStateException(
                    "duban.evidence.storage=s3 needs duban.evidence.s3.endpoint and duban.evidence.s3.bucket");
        }
        this.bucket = settings.bucket();
        this.client = S3Client.builder()
                .endpointOverride(URI.create(settings.endpoint()))
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
                .serviceConfiguration(
                        S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .httpClient(UrlConnectionHttpClient.create())
                // Checksums only where S3 demands them: many S3-compatible stores do not know the newer trailing ones.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String put(UUID id, byte[] bytes, String contentType) {
        String key = "evidence/" + id;
        try {
            upload(key, bytes, contentType);
        } catch (NoSuchBucketException missing) {
            try {
                client.createBucket(request -> request.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException createdByAnotherNode) {
                // another node made it meanwhile
            }
            upload(key, bytes, contentType);
        }
        return key;
    }

    private void upload(String key, byte[] bytes, String contentType) {
        client.putObject(
                request -> request.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
    }

    @Override
    public byte[] get(UUID id, String key) {
        return client.getObjectAsBytes(request -> request.bucket(bucket).key(key))
                .asByteArray();
    }

    @Override
    public void delete(UUID id, String key) {
        client.deleteObject(request -> request.bucket(bucket).key(key));
    }
}
