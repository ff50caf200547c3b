package cn.duban.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import cn.duban.support.TestUsers;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Evidence files in an S3-compatible store (duban.evidence.storage=s3): a real S3 server (S3Proxy, from Maven
 * Central, run by this test as its own process, in memory) behind the evidence service on the shared database and
 * engine. The bytes go to the bucket, only the file's row to the database; reading and deleting go to the bucket.
 */
@DubanTest
class EvidenceS3StoreIT {

    private static final String ACCESS_KEY = "duban-test";
    private static final String SECRET_KEY = "duban-test-secret";
    private static final String BUCKET = "duban-evidence";

    private static Process server;
    private static String endpoint;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskParticipants participants;

    @Autowired
    EvidenceTask tasks;

    @Autowired
    TestUsers users;

    @Value("${duban.time-zone}")
    ZoneId zone;

    @BeforeAll
    static void startS3Server() throws Exception {
        Path jar = Path.of("target/s3proxy/s3proxy.jar");
        assertThat(jar)
                .as("S3Proxy, copied by the build (maven-dependency-plugin)")
                .exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        endpoint = "http://127.0.0.1:" + port;
        Path settings = Files.createTempFile("s3proxy", ".properties");
        Files.writeString(settings, """
                s3proxy.endpoint=%s
                s3proxy.authorization=aws-v2-or-v4
                s3proxy.identity=%s
                s3proxy.credential=%s
                jclouds.provider=transient
                jclouds.identity=unused
                jclouds.credential=unused
                """.formatted(endpoint, ACCESS_KEY, SECRET_KEY));
        Path log = Path.of("target/s3proxy/s3proxy.log");
        server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx128m",
                        "-jar",
                        jar.toString(),
                        "--properties",
                        settings.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                break;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(until) || !server.isAlive()) {
                    throw new IllegalStateException("S3Proxy did not start: " + Files.readString(log));
                }
                Thread.sleep(200);
            }
        }
    }

    @AfterAll
    static void stopS3Server() {
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void filesGoToTheBucketAndComeBackFromIt() {
        EvidenceProperties properties = new EvidenceProperties(
                DataSize.ofMegabytes(20),
                30,
                "s3",
                new EvidenceProperties.S3(endpoint, "us-east-1", BUCKET, ACCESS_KEY, SECRET_KEY));
        EvidenceFiles evidence = new EvidenceFiles(
                jdbc,
                participants,
                properties,
                List.of(new DatabaseEvidenceStore(jdbc), new S3EvidenceStore(properties.s3())),
                zone);
        String lead = users.member("ev-s3-lead", EvidenceTask.LEAD_UNIT);
        String code = tasks.dispatch();
        tasks.sign(code, lead);
        tasks.contribute(code, users.member("ev-s3-support", EvidenceTask.SUPPORT_UNIT));
        String report = tasks.open(code, "UserTask_ReportResult");
        Caller caller = new Caller(lead, Set.of(EvidenceTask.LEAD_UNIT));
        byte[] pdf = EvidenceSamples.pdf();

        EvidenceFile file = evidence.add(report, caller, "详查报告.pdf", pdf);

        assertThat(objects()).extracting(S3Object::key).containsExactly("evidence/" + file.id());
        assertThat(objects().get(0).size()).isEqualTo(pdf.length);
        assertThat(jdbc.sql("select storage from duban.evidence_file where id = ?")
                        .param(file.id())
                        .query(String.class)
                        .single())
                .isEqualTo("S3");
        assertThat(jdbc.sql("select count(*) from duban.evidence_content where file_id = ?")
                        .param(file.id())
                        .query(Integer.class)
                        .single())
                .as("no bytes in the database")
                .isZero();
        assertThat(evidence.read(file.id(), caller).bytes()).isEqualTo(pdf);
        assertThat(evidence.forStep(report, caller).files())
                .extracting(EvidenceFile::fileName)
                .containsExactly("详查报告.pdf");

        evidence.delete(file.id(), caller);

        assertThat(objects()).isEmpty();
        assertThat(evidence.ofTask(code)).isEmpty();
    }

    private static List<S3Object> objects() {
        try (S3Client client = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .httpClient(UrlConnectionHttpClient.create())
                .responseChecksumValidation(
                        software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .build()) {
            return client.listObjectsV2(request -> request.bucket(BUCKET)).contents();
        }
    }
}
