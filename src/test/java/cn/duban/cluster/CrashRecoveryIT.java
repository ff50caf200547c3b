package cn.duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node killed with {@code kill -9} in the middle of a dispatch and in the middle of a load run, then started again:
 * no instance, task, report or escalation is lost or duplicated. The database counts before and after are compared.
 */
class CrashRecoveryIT {

    private static final Map<String, String> LEAD_USERS = Map.of(
            "crash-eco-1",
            "ecology-environment",
            "crash-eco-2",
            "ecology-environment",
            "crash-eco-3",
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
    void aNodeKilledInTheMiddleOfAnImportLeavesNothingAndTheImportCanBeRepeated() {
        String plan = "CRASH-IMPORT";
        int tasks = 800;
        String file = PlanFiles.plan(plan, tasks, List.of("州生态环境局", "州财政局"), LocalDate.of(2030, 12, 31));
        Counts before;
        try (DubanNode node = DubanNode.on(database, "crash-import").start()) {
            node.awaitUp(DubanNode.START_TIMEOUT);
            before = Counts.of(database);
            CompletableFuture<DubanNode.Response> importing = CompletableFuture.supplyAsync(
                    () -> node.post(DubanNode.ADMIN, DubanNode.ADMIN_PASSWORD, "/api/plans", "application/yaml", file));
            TwoNodeClusterIT.await(
                    () -> database.count("""
                    select count(*) from pg_stat_activity
                    where state = 'idle in transaction' or query ilike 'insert into act_%'""") > 0 || importing.isDone(),
                    Duration.ofSeconds(60),
                    "the import under way");
            DubanNode.sleep(1500);
            assertThat(importing)
                    .as("the import is still running when the node is killed")
                    .isNotDone();
            node.kill();
            assertThat(importing.handle((answer, failure) -> failure).join())
                    .as("the client gets no answer")
                    .isNotNull();
        }

        assertThat(Counts.of(database)).as("nothing of the import was kept").isEqualTo(before);
        assertThat(database.count("select count(*) from duban.plan where code = ?", plan))
                .isZero();

        try (DubanNode restarted =
                DubanNode.on(database, "crash-import-restarted").start()) {
            restarted.awaitUp(DubanNode.START_TIMEOUT);
            DubanNode.Response imported =
                    restarted.post(DubanNode.ADMIN, DubanNode.ADMIN_PASSWORD, "/api/plans", "application/yaml", file);
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        }
        Counts after = Counts.of(database);
        assertThat(after.instances() - before.instances()).isEqualTo(tasks);
        assertThat(after.supervised() - before.supervised()).isEqualTo(tasks);
        assertThat(after.openTasks() - before.openTasks()).isEqualTo(tasks);
        System.out.printf(
                "crash: node killed mid-import of %d tasks: nothing kept; imported again: +%d instances%n",
                tasks, after.instances() - before.instances());
    }

    @Test
    void aNodeKilledUnderLoadLosesAndDuplicatesNoStep() {
        String plan = "CRASH-LOAD";
        int tasks = 150;
        LocalDate dispatchedOn = LocalDate.now(TwoNodeClusterIT.BEIJING).minusDays(14);
        PastDispatch.importPlan(
                database,
                dispatchedOn,
                LEAD_USERS,
                PlanFiles.plan(plan, tasks, List.of("州生态环境局"), dispatchedOn.plusDays(3)));
        Timestamp due = new Timestamp(System.currentTimeMillis());
        List<String> instances =
                database.jdbc().sql("""
                        select process_instance_id from duban.task_supervision where plan_code = ? order by task_code""").param(plan).query(String.class).list();

        LeadUnitClients clients;
        Timestamp killedAt;
        try (DubanNode node = DubanNode.on(database, "crash-load").start()) {
            node.awaitUp(DubanNode.START_TIMEOUT);
            PastDispatch.releaseTimers(node);
            // The daily sweep checks the tasks while their lead units sign and report.
            PastDispatch.startSweep(node, plan);
            clients = LeadUnitClients.start(node, List.copyOf(LEAD_USERS.keySet()), PastDispatch.PASSWORD, instances);
            TwoNodeClusterIT.await(
                    () -> clients.reported() >= tasks / 4,
                    Duration.ofMinutes(3),
                    () -> "a quarter of the results reported; refused: "
                            + clients.failures().stream().limit(5).toList());
            node.kill();
            killedAt = new Timestamp(System.currentTimeMillis());
            clients.awaitStopped();
        }
        assertThat(clients.reported()).as("killed mid-run").isLessThan(tasks);

        try (DubanNode restarted =
                DubanNode.on(database, "crash-load-restarted").start()) {
            restarted.awaitUp(DubanNode.START_TIMEOUT);
            LeadUnitClients rest = LeadUnitClients.start(
                    restarted, List.copyOf(LEAD_USERS.keySet()), PastDispatch.PASSWORD, instances);
            rest.awaitStopped();
            assertThat(rest.failures())
                    .as("after the restart every step goes through")
                    .isEmpty();
            TwoNodeClusterIT.await(
                    () -> database.count("""
                    select count(*) from act_ru_job where duedate_ <= ? and process_instance_id_ in
                    (select process_instance_id from duban.task_supervision where plan_code = ?)""", due, plan) == 0 && database.count("""
                    select count(*) from act_ru_job
                    where process_def_key_ = 'daily-supervision' and process_instance_id_ is not null""") == 0,
                    // A batch the dead node held is free after the lock time (a minute); a batch that met a unit's
                    // step on one of its instances is retried a minute later.
                    Duration.ofMinutes(5),
                    () -> "every due timer and the sweep's batches ran; still waiting: " + pendingJobs(due, plan));
        }

        String ofPlan = "proc_inst_id_ in (select process_instance_id from duban.task_supervision where plan_code = '"
                + plan + "')";
        assertThat(database.count("select count(*) from act_hi_procinst where " + ofPlan))
                .isEqualTo(tasks);
        assertThat(database.count("select count(*) from act_hi_taskinst where task_def_key_ = 'UserTask_ClaimTask' "
                        + "and delete_reason_ = 'completed' and " + ofPlan))
                .as("each task signed once")
                .isEqualTo(tasks);
        assertThat(database.count("select count(*) from act_hi_taskinst where task_def_key_ = 'UserTask_ReportResult' "
                        + "and delete_reason_ = 'completed' and " + ofPlan))
                .as("each result reported once")
                .isEqualTo(tasks);
        assertThat(database.count(
                        "select count(*) from act_ru_task where task_def_key_ = 'UserTask_VerifyResult' and " + ofPlan))
                .as("every instance waits for inspection, once")
                .isEqualTo(tasks);
        assertThat(database.count("select count(*) from act_ru_task where task_def_key_ <> 'UserTask_VerifyResult' and "
                        + ofPlan))
                .as("no other task left open")
                .isZero();
        assertThat(database.count(
                        "select count(*) from act_hi_taskinst where task_def_key_ = 'UserTask_ReportResult' "
                                + "and delete_reason_ = 'completed' and end_time_ < ? and proc_inst_id_ = any(?)",
                        killedAt,
                        clients.reportedInstances().toArray(String[]::new)))
                .as("every report acknowledged before the kill was kept, not redone")
                .isEqualTo(clients.reportedInstances().size());
        SupervisionCounts record = new SupervisionCounts(database, plan);
        assertThat(record.overdueSteps())
                .as(() -> "逾期 once per task; tasks without it: " + withoutOverdue(plan))
                .isEqualTo(tasks);
        assertThat(record.mostOverdueStepsOfOneTask()).isEqualTo(1);
        assertThat(record.mostTimesOneLevelReached())
                .as("each level reached once")
                .isEqualTo(1);
        assertThat(record.escalatedIn("SUBMITTED")).as("the read model agrees").isEqualTo(tasks);
        System.out.printf(
                "crash: node killed under load after %d of %d results reported; after the restart %d "
                        + "instances, each signed once, reported once, overdue once%n",
                clients.reportedInstances().size(), tasks, tasks);
    }

    /** The jobs the test still waits for, with their activity, lock and last failure. */
    private static List<String> pendingJobs(Timestamp due, String plan) {
        return database.jdbc()
                .sql("""
                select coalesce(j.process_def_key_, '-') || ' ' || coalesce(e.act_id_, '-') || ' due ' || j.duedate_
                  || ' lock ' || coalesce(j.lock_owner_, '-') || ' until ' || coalesce(j.lock_exp_time_::text, '-')
                  || ' retries ' || j.retries_ || ' ex ' || coalesce(j.exception_msg_, '-')
                from act_ru_job j left join act_ru_execution e on e.id_ = j.execution_id_
                where (j.duedate_ <= ? and j.process_instance_id_ in
                  (select process_instance_id from duban.task_supervision where plan_code = ?))
                  or (j.process_def_key_ = 'daily-supervision' and j.process_instance_id_ is not null)
                limit 20""")
                .param(due)
                .param(plan)
                .query(String.class)
                .list();
    }

    /** The tasks of the plan without a 逾期 step, each with its record, its steps and its daily check's job history. */
    private static List<String> withoutOverdue(String plan) {
        return database.jdbc().sql("""
                select t.task_code || ' pi ' || t.process_instance_id || ' state ' || t.state || ' level '
                  || t.escalation_level
                  || ' | events ' || coalesce((select string_agg(e.kind || '@' || e.happened_at, ',' order by e.id)
                       from duban.supervision_event e where e.task_code = t.task_code), '-')
                  || ' | claimDone ' || coalesce((select max(end_time_)::text from act_hi_taskinst h
                       where h.proc_inst_id_ = t.process_instance_id and task_def_key_ = 'UserTask_ClaimTask'), '-')
                  || ' | reportDone ' || coalesce((select max(end_time_)::text from act_hi_taskinst h
                       where h.proc_inst_id_ = t.process_instance_id and task_def_key_ = 'UserTask_ReportResult'), '-')
                  || ' | joblog ' || coalesce((select string_agg(l.job_state_ || '@' || l.timestamp_ || ' by '
                       || coalesce(l.hostname_, '-') || ' due ' || l.job_duedate_ || ' job ' || l.job_id_, ', '
                       order by l.timestamp_) from act_hi_job_log l where l.process_instance_id_ = t.process_instance_id
                       and l.act_id_ like 'ServiceTask_%'), '-')
                  || ' | rujobs ' || coalesce((select string_agg(j.id_ || ' due ' || j.duedate_ || ' lock '
                       || coalesce(j.lock_owner_, '-') || ' until ' || coalesce(j.lock_exp_time_::text, '-')
                       || ' retries ' || j.retries_ || ' ex ' || coalesce(j.exception_msg_, '-'), ', ')
                       from act_ru_job j where j.process_instance_id_ = t.process_instance_id), '-')
                from duban.task_supervision t where t.plan_code = ? and not exists (select 1
                  from duban.supervision_event e where e.task_code = t.task_code and e.kind = 'OVERDUE')""").param(plan).query(String.class).list();
    }

    /** The rows a dispatch writes. */
    record Counts(long instances, long supervised, long openTasks, long plans, long notifications) {

        static Counts of(ClusterDatabase database) {
            return new Counts(
                    database.count("select count(*) from act_hi_procinst"),
                    database.count("select count(*) from duban.task_supervision"),
                    database.count("select count(*) from act_ru_task"),
                    database.count("select count(*) from duban.plan"),
                    database.count("select count(*) from duban.notification"));
        }
    }
}
