package cn.duban;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.DubanTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Process test coverage, after every other test of the run (this class is ordered last): for each model in
 * {@code processes/}, the share of its flow nodes (activities, events, gateways) that some test executed, as the
 * engine's history (ACT_HI_ACTINST) shows. Each test JVM writes the nodes it covered to
 * {@code target/process-coverage/<phase>.txt} ({@code -Dduban.test.phase}, default {@code surefire}); the floor is
 * checked on the union of those files, so phases with separate databases count together.
 */
@DubanTest
@Order(Integer.MAX_VALUE)
class ProcessCoverageIT {

    static final double FLOOR = 0.90;
    private static final Path REPORTS = Path.of("target", "process-coverage");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyProcessHasNinetyPercentOfItsFlowNodesCovered() throws IOException {
        Files.createDirectories(REPORTS);
        List<String> coveredHere = jdbc.sql("""
                        select distinct d.key_ || ' ' || a.act_id_ from act_hi_actinst a
                        join act_re_procdef d on d.id_ = a.proc_def_id_ order by 1""").query(String.class).list();
        Files.write(REPORTS.resolve(System.getProperty("duban.test.phase", "surefire") + ".txt"), coveredHere);
        Set<String> covered = new TreeSet<>();
        try (Stream<Path> reports = Files.list(REPORTS)) {
            for (Path report :
                    reports.filter(path -> path.toString().endsWith(".txt")).toList()) {
                covered.addAll(Files.readAllLines(report));
            }
        }
        List<String> below = new ArrayList<>();
        StringBuilder summary = new StringBuilder("Process coverage (flow nodes executed by some test):\n");
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".bpmn"))
                    .sorted()
                    .toList()) {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                String key = model.getModelElementsByType(Process.class)
                        .iterator()
                        .next()
                        .getId();
                List<String> nodes = model.getModelElementsByType(FlowNode.class).stream()
                        .map(FlowNode::getId)
                        .sorted()
                        .toList();
                List<String> missed = nodes.stream()
                        .filter(node -> !covered.contains(key + " " + node))
                        .toList();
                double share = (nodes.size() - missed.size()) / (double) nodes.size();
                summary.append(String.format(
                        Locale.ROOT,
                        "  %-18s %5.1f%% (%d of %d)%s%n",
                        key,
                        share * 100,
                        nodes.size() - missed.size(),
                        nodes.size(),
                        missed.isEmpty() ? "" : "; not run: " + missed));
                if (share < FLOOR) {
                    below.add(key + " " + Math.round(share * 100) + "%, not run: " + missed);
                }
            }
        }
        Files.writeString(REPORTS.resolve("summary.log"), summary);
        System.out.print(summary);
        assertThat(below)
                .as("processes below %d%% of their flow nodes", Math.round(FLOOR * 100))
                .isEmpty();
    }
}
