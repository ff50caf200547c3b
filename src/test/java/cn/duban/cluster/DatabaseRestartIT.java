package cn.duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarted while lead-unit staff are working: Duban answers 503 (not 500) while the database is away,
 * reconnects by itself, and no work that it acknowledged is lost.
 */
class DatabaseRestartIT {

    private static final Map<String, String> LEAD_USERS = Map.of(
            "restart-eco-1",
            "ecology-environment",
            "restart-eco-2",
            "ecology-environment",
            "restart-eco-3",
            "ecology-environment");

    private static ClusterDatabase database;

    @BeforeAll
    static void startDatabase() throws IOException {
        database = ClusterDatabase.start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        database.close();
    }

    @Test
    void aDatabaseRestartUnderLoadLosesNoCommittedWorkAndDubanReconnectsByItself() throws IOException {
        String plan = "DB-RESTART";
        int tasks = 150;
        PastDispatch.importPlan(
                database,
                LocalDate.now(TwoNodeClusterIT.BEIJING),
                LEAD_USERS,
                PlanFiles.plan(plan, tasks, List.of("州生态环境局"), LocalDate.of(2030, 12, 31)));
        List<String> instances =
                database.jdbc().sql("""
                        select process_instance_id from duban.task_supervision where plan_code = ? order by task_code""").param(plan).query(String.class).list();

        try (DubanNode node = DubanNode.on(database, "db-restart").start()) {
            node.awaitUp(DubanNode.START_TIMEOUT);
            PastDispatch.releaseTimers(node);
            List<String> users = List.copyOf(LEAD_USERS.keySet());
            LeadUnitClients during = LeadUnitClients.start(node, users, PastDispatch.PASSWORD, instances);
            TwoNodeClusterIT.await(
                    () -> during.reported() >= tasks / 5,
                    Duration.ofMinutes(3),
                    () -> "a fifth of the results reported; refused: "
                            + during.failures().stream().limit(5).toList());
            Set<String> reportedBefore = during.reportedInstances();
            Timestamp stoppedAt = new Timestamp(System.currentTimeMillis());
            database.stopServer();
            DubanNode.sleep(5000);
            database.startServer();
            during.awaitStopped();

            assertThat(during.failures())
                    .as("refusals while the database was away are 503, never 500")
                    .allMatch(failure -> failure.contains(": 503 ") && failure.contains("数据库暂时不可用"));
            TwoNodeClusterIT.await(node::isUp, Duration.ofSeconds(60), "health UP again");
            LeadUnitClients after = LeadUnitClients.start(node, users, PastDispatch.PASSWORD, instances);
            after.awaitStopped();
            assertThat(after.failures())
                    .as("once the database is back, everything goes through")
                    .isEmpty();

            String ofPlan = "proc_inst_id_ in (select process_instance_id from duban.task_supervision "
                    + "where plan_code = '" + plan + "')";
            assertThat(database.count("select count(*) from act_hi_taskinst where task_def_key_ = "
                            + "'UserTask_ReportResult' and delete_reason_ = 'completed' and " + ofPlan))
                    .as("each result reported once")
                    .isEqualTo(tasks);
            assertThat(database.count("select count(*) from act_ru_task where task_def_key_ = "
                            + "'UserTask_VerifyResult' and " + ofPlan))
                    .isEqualTo(tasks);
            assertThat(database.count(
                            "select count(*) from act_hi_taskinst where task_def_key_ = "
                                    + "'UserTask_ReportResult' and delete_reason_ = 'completed' and end_time_ < ? and "
                                    + "proc_inst_id_ = any(?)",
                            stoppedAt,
                            reportedBefore.toArray(String[]::new)))
                    .as("every report acknowledged before the restart was kept")
                    .isEqualTo(reportedBefore.size());
            assertThat(database.count(
                            "select count(*) from duban.task_supervision where plan_code = ? "
                                    + "and state = 'SUBMITTED'",
                            plan))
                    .as("the read model agrees")
                    .isEqualTo(tasks);
            System.out.printf(
                    "database restart: %d results reported before, %d calls refused with 503 during the "
                            + "restart, all %d reported once in the end%n",
                    reportedBefore.size(), during.failures().size(), tasks);
        }
    }
}
