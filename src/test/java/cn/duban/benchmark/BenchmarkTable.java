package cn.duban.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The one table a benchmark run prints: every benchmark records its rows here (Duban and the bare engine side by side,
 * measured in the same run), and the table is printed when a test JVM of the run ends. The benchmarks run in two JVMs
 * (surefire, then failsafe for the packaged jar's start-up), so rows go to a file in {@code target/}: the surefire JVM
 * starts it afresh, the failsafe JVM adds to it and prints the whole run.
 */
public final class BenchmarkTable implements LauncherSessionListener {

    /** Set by the {@code benchmark} profile: where the run's rows are kept. */
    static final String FILE_PROPERTY = "duban.benchmark.table";

    /** Set by the {@code benchmark} profile on the first JVM of the run (surefire), which starts a fresh table. */
    static final String FRESH_PROPERTY = "duban.benchmark.fresh";

    private static final String HEADER = "| work | Duban | bare engine | ratio | goal |\n|---|---|---|---|---|";

    /**
     * Records one row. {@code ratio} is Duban against the bare engine in the direction the goal states (throughput:
     * Duban / bare; time: Duban / bare); {@code goal} is the target ("≥ 0.9", "≤ 0.7×", "p95 ≤ 50 ms").
     */
    public static void record(String work, String duban, String bare, String ratio, String goal) {
        Path file = file();
        String line = String.join(" | ", work, duban, bare, ratio, goal).replace('\n', ' ');
        System.out.println("[benchmark] " + line);
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    "| " + line + " |\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Path file = file();
        if (file != null && Boolean.getBoolean(FRESH_PROPERTY)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Path file = file();
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            // The scale rows (one size, many kinds of work) after the rows comparing one piece of work each.
            List<String> rows = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .sorted(Comparator.comparing(row -> row.startsWith("| scale:")))
                    .toList();
            String machine = "%s, %s, %d cores, %d MB heap, %s %s, Java %s"
                    .formatted(
                            LocalDate.now(ZoneId.of("Asia/Shanghai")),
                            cpu(),
                            Runtime.getRuntime().availableProcessors(),
                            Runtime.getRuntime().maxMemory() >> 20,
                            System.getProperty("os.name"),
                            System.getProperty("os.arch"),
                            System.getProperty("java.version"));
            System.out.println();
            System.out.println("=== Duban against the bare engine, one run (" + machine + ") ===");
            System.out.println(HEADER);
            System.out.println(rows.stream().collect(Collectors.joining("\n")));
            System.out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The processor's model name, where the system tells it. */
    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown processor");
        } catch (IOException | RuntimeException e) {
            return "unknown processor";
        }
    }

    private static Path file() {
        String path = System.getProperty(FILE_PROPERTY);
        return path == null || path.isBlank() ? null : Path.of(path);
    }
}
