package cn.duban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.plan.PlanImporter;
import cn.duban.publicprogress.PublicProgress;
import cn.duban.support.DubanTest;
import cn.duban.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public progress page under a crowd: anonymous readers of a published 30-task plan ({@code GET
 * /public/plans/{code}}) against the bare engine answering the nearest question it can, the plan's process instances
 * ({@code GET /engine-rest/process-instance?businessKeyLike=}), with the same number of clients in the same run. Not
 * part of the test suite: {@code ./mvnw verify -Pbenchmark}.
 */
@DubanTest
class PublicProgressBenchmark {

    private static final int READS = 2_000;
    private static final int CLIENTS = 8;
    private static final int TASKS = 30;

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    PlanImporter importer;

    @Autowired
    PublicProgress publicProgress;

    @Autowired
    TestUsers users;

    @Test
    void aCrowdReadsThePublicPageAgainstTheBareEngineListingThePlan() throws Exception {
        String office = users.member("bench-public-office", DubanGroups.SUPERVISION_OFFICE);
        String admin = users.member("bench-public-admin", DubanGroups.CAMUNDA_ADMIN);
        String plan = "PUBBENCH-" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder yaml = new StringBuilder(
                "code: " + plan + "\ntitle: 公开进度基准计划\nissuer: 测试州人民政府\n" + "deadline: 2030-12-31\ntasks:\n");
        for (int i = 1; i <= TASKS; i++) {
            yaml.append("  - code: %1$s-%2$02d\n    title: 公开任务%2$d\n    text: 开展第%2$d项工作。\n    leadUnits: 州生态环境局\n"
                    .formatted(plan, i));
        }
        importer.importPlan(yaml.toString().getBytes(StandardCharsets.UTF_8), office);
        publicProgress.publish(plan, List.of(), office);

        long[] duban = read("/public/plans/" + plan, null);
        String auth = "Basic "
                + Base64.getEncoder()
                        .encodeToString((admin + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        long[] bare = read("/engine-rest/process-instance?businessKeyLike=" + plan + "%25", auth);
        BenchmarkTable.record(
                "public progress page, %,d reads by %d clients (%d tasks)".formatted(READS, CLIENTS, TASKS),
                "%,d/s, p95 %.1f ms".formatted(duban[1], duban[0] / 1e6),
                "%,d/s, p95 %.1f ms (process-instance list)".formatted(bare[1], bare[0] / 1e6),
                "%.2f".formatted((double) duban[1] / bare[1]),
                "≥ 1 (answered from each node's copy)");
    }

    /** Reads {@code path} READS times with CLIENTS clients; returns the p95 (ns) and reads per second. */
    private long[] read(String path, String auth) throws Exception {
        AtomicInteger left = new AtomicInteger(READS);
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Accept", "application/json");
                    if (auth != null) {
                        request.header("Authorization", auth);
                    }
                    long begin = System.nanoTime();
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    times.add(System.nanoTime() - begin);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        long elapsed = System.nanoTime() - start;
        assertThat(times).hasSize(READS);
        List<Long> sorted = times.stream().sorted().toList();
        return new long[] {sorted.get(sorted.size() * 95 / 100), Math.round(READS * 1e9 / elapsed)};
    }
}
