package cn.duban.cluster;

import cn.duban.benchmark.BenchmarkTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Start-up time of a Duban node (the packaged jar) next to the bare engine (Camunda's Spring Boot starter with
 * webapps and REST), each on its own database of one PostgreSQL whose schema exists: from the JVM's launch until an
 * administrator's REST call is answered. Not part of the test suite: {@code ./mvnw verify -Pbenchmark}.
 */
class StartupBenchmark {

    private static final int ROUNDS = 3;

    @Test
    void startupAgainstTheBareEngine() throws IOException {
        String classPath = "target/test-classes:target/classes:"
                + Files.readString(Path.of("target", "benchmark-classpath.txt")).strip();
        try (ClusterDatabase database = ClusterDatabase.start()) {
            database.jdbc().sql("create database bare").update();
            // Duban as operations.md runs it in production: the jar extracted, its classes on the class path like
            // the bare engine's.
            Supplier<Double> duban = () -> startAndStop(
                    DubanNode.extractedOn(database, "startup-duban"), DubanNode.ADMIN, DubanNode.ADMIN_PASSWORD);
            Supplier<Double> bare = () -> startAndStop(
                    DubanNode.bareEngine(database, "startup-bare", classPath), "bareadmin", "Bare-Adm1n-Pass");
            double dubanFirst = duban.get();
            double bareFirst = bare.get();
            List<Double> dubanTimes = new ArrayList<>();
            List<Double> bareTimes = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                dubanTimes.add(duban.get());
                bareTimes.add(bare.get());
            }
            double dubanMedian = median(dubanTimes);
            double bareMedian = median(bareTimes);
            System.out.printf("%n=== Start-up, JVM launch to an administrator's answered REST call ===%n");
            System.out.printf(
                    "first start (creates the schema): Duban %.1f s | bare engine %.1f s%n", dubanFirst, bareFirst);
            System.out.printf(
                    "later starts, median of %d: Duban %.1f s %s | bare engine %.1f s %s | ratio %.2f%n",
                    ROUNDS, dubanMedian, dubanTimes, bareMedian, bareTimes, dubanMedian / bareMedian);
            System.out.println("===================================================================");
            BenchmarkTable.record(
                    "start-up, JVM launch to an answered REST call (median of %d)".formatted(ROUNDS),
                    "%.1f s".formatted(dubanMedian),
                    "%.1f s".formatted(bareMedian),
                    "%.2f×".formatted(dubanMedian / bareMedian),
                    "≤ 1.2×");
        }
    }

    private static double startAndStop(DubanNode node, String user, String password) {
        try (node) {
            node.start();
            return node.awaitAnswering(user, password, "/engine-rest/engine", Duration.ofMinutes(3));
        }
    }

    private static double median(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
