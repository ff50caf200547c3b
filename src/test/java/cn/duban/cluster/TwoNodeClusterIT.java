package cn.duban.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.support.Http;
import cn.duban.support.WebappSession;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Two Duban nodes (two JVMs, two ports) on one PostgreSQL, with the job executor on both: the deadline timers of many
 * tasks, all due at once, each fire exactly once across the nodes, with no reminder, escalation or notification
 * twice; and when one node is killed mid-run, the other finishes the work.
 */
class TwoNodeClusterIT {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final List<String> LEAD_UNITS = List.of("州生态环境局", "州财政局", "州水利局");
    private static final Map<String, String> MEMBERS = new LinkedHashMap<>();

    static {
        for (String unit : List.of("ecology-environment", "finance", "water-resources")) {
            MEMBERS.put("cl-" + unit, unit);
        }
        MEMBERS.put("cl-office", "supervision-office");
    }

    private ClusterDatabase database;
    private GreenMail smtp;

    @BeforeEach
    void startDatabaseAndMailServer() throws IOException {
        database = ClusterDatabase.start();
        smtp = new GreenMail(new ServerSetup(ClusterDatabase.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() throws IOException {
        smtp.stop();
        database.close();
    }

    /** The daily sweep's batch size on the nodes. */
    private static final int BATCH = 10;

    /** The sweep the test started (process instance id). */
    private String sweep;

    @Test
    void eachTaskIsCheckedExactlyOnceAcrossTwoNodes() {
        String plan = "CLUSTER-ONCE";
        int tasks = 160;
        Timestamp due = dispatchTasksWhoseDeadlinePassedDaysAgo(plan, tasks);

        try (DubanNode a = node("node-a", ONE_BATCH_AT_A_TIME).start();
                DubanNode b = node("node-b", ONE_BATCH_AT_A_TIME).start()) {
            a.awaitUp(DubanNode.START_TIMEOUT);
            b.awaitUp(DubanNode.START_TIMEOUT);
            PastDispatch.releaseTimers(a);
            sweep = PastDispatch.startSweep(a, plan);
            aLoginOnOneNodeIsGoodOnTheOther(a, b);
            awaitAllWorkDone(plan, due, Duration.ofMinutes(4));
        }

        Map<String, Long> firedBy = assertEachTaskCheckedOnce(plan, tasks);
        assertThat(firedBy).as("both nodes ran batches of the sweep").containsKeys("node-a", "node-b");
        Mails mails = mailsOf(plan);
        assertThat(mails.duplicates()).as("no e-mail twice").isZero();
        assertThat(mails.received()).isEqualTo(sentMails(plan)).isGreaterThanOrEqualTo(tasks * 3L);
        System.out.printf(
                "cluster: %d tasks checked once each by the sweep's batches (batches per node: %s), %d e-mails, "
                        + "none twice%n",
                tasks, firedBy, mails.received());
    }

    @Test
    void whenANodeIsKilledMidRunTheOtherFinishesTheWork() {
        String plan = "CLUSTER-KILL";
        int tasks = 800;
        // Enough work to kill node-b in the middle of it; only the office reads e-mail, the units their inbox.
        Timestamp due = dispatchTasksWhoseDeadlinePassedDaysAgo(
                plan, tasks, Set.of("cl-ecology-environment", "cl-finance", "cl-water-resources"));

        Map<String, Long> firedBy;
        long checkedWhenKilled;
        try (DubanNode a = node("node-a").start();
                DubanNode b = node("node-b").start()) {
            a.awaitUp(DubanNode.START_TIMEOUT);
            b.awaitUp(DubanNode.START_TIMEOUT);
            PastDispatch.releaseTimers(a);
            sweep = PastDispatch.startSweep(a, plan);
            await(
                    () -> overdueEvents(plan) >= tasks / 5 && firedBy().getOrDefault("node-b", 0L) >= 2,
                    Duration.ofMinutes(3),
                    "a fifth of the checks done, some by node-b");
            b.kill();
            checkedWhenKilled = overdueEvents(plan);
            assertThat(checkedWhenKilled).as("killed mid-run").isLessThan(tasks);
            awaitAllWorkDone(plan, due, Duration.ofMinutes(4));
            assertThat(a.isUp()).isTrue();
        }

        firedBy = assertEachTaskCheckedOnce(plan, tasks);
        assertThat(firedBy.get("node-a") * BATCH)
                .as("node-a took over")
                .isGreaterThanOrEqualTo(tasks - checkedWhenKilled);
        Mails mails = mailsOf(plan);
        // An e-mail that node-b had handed to the mail server but not yet marked sent goes out again: at most one.
        assertThat(mails.duplicates())
                .as("e-mails sent twice because node-b died while sending")
                .isLessThanOrEqualTo(1);
        assertThat(mails.received() - mails.duplicates()).isEqualTo(sentMails(plan));
        System.out.printf(
                "cluster: node-b killed after %d of %d checks; every task checked once (batches per node: %s); %d e-mails, "
                        + "%d twice%n",
                checkedWhenKilled, tasks, firedBy, mails.received(), mails.duplicates());
    }

    /** Sessions live in the database: a load balancer may send the user's next request to any node. */
    private static void aLoginOnOneNodeIsGoodOnTheOther(DubanNode a, DubanNode b) {
        WebappSession loggedInOnA = WebappSession.login(a.rest(), "cl-office", PastDispatch.PASSWORD);
        Http.Response me = loggedInOnA.at(b.rest()).call(HttpMethod.GET, "/api/me", null, false);
        assertThat(me.status()).as("node-b knows the login made on node-a").isEqualTo(200);
        assertThat(me.body()).contains("cl-office");
        assertThat(loggedInOnA
                        .at(b.rest())
                        .call(HttpMethod.GET, "/camunda/api/engine/engine/default/task/count", null, false)
                        .status())
                .as("Tasklist's calls too")
                .isEqualTo(200);
    }

    /** The tasks were imported two weeks ago, due three days later: every daily check is due now. */
    private Timestamp dispatchTasksWhoseDeadlinePassedDaysAgo(String plan, int tasks) {
        return dispatchTasksWhoseDeadlinePassedDaysAgo(plan, tasks, Set.of());
    }

    private Timestamp dispatchTasksWhoseDeadlinePassedDaysAgo(String plan, int tasks, Set<String> withoutMail) {
        LocalDate dispatchedOn = LocalDate.now(BEIJING).minusDays(14);
        PastDispatch.importPlan(
                database,
                dispatchedOn,
                MEMBERS,
                withoutMail,
                PlanFiles.plan(plan, tasks, LEAD_UNITS, dispatchedOn.plusDays(3)));
        assertThat(database.count("select count(*) from duban.task_supervision where plan_code = ?", plan))
                .isEqualTo(tasks);
        return new Timestamp(System.currentTimeMillis());
    }

    /**
     * Each node's job executor runs one job and holds one more: the node that started the sweep (and so is told of its
     * batches first) cannot lock all of them before the other node's next look, however fast or slow the machine.
     */
    private static final List<String> ONE_BATCH_AT_A_TIME = List.of(
            "--camunda.bpm.job-execution.max-jobs-per-acquisition=1",
            "--camunda.bpm.job-execution.core-pool-size=1",
            "--camunda.bpm.job-execution.max-pool-size=1",
            "--camunda.bpm.job-execution.queue-capacity=1");

    private DubanNode node(String name) {
        return node(name, List.of());
    }

    private DubanNode node(String name, List<String> executorSettings) {
        List<String> settings = new ArrayList<>(List.of(
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--duban.notification.delivery-interval=1s",
                // Small batches, so that both nodes take some of the sweep's.
                "--duban.supervision.sweep-batch-size=" + BATCH));
        settings.addAll(executorSettings);
        return DubanNode.on(database, name, settings.toArray(String[]::new));
    }

    /** Every timer of the plan's instances that was due has fired, and every e-mail of the plan went out. */
    private void awaitAllWorkDone(String plan, Timestamp due, Duration timeout) {
        await(
                () -> {
                    long failed = database.count("""
                    select count(*) from act_ru_job where retries_ = 0 and process_instance_id_ in
                    (select process_instance_id from duban.task_supervision where plan_code = ?)""", plan);
                    assertThat(failed).as("failed jobs").isZero();
                    return database.count("select count(*) from act_ru_execution where proc_inst_id_ = ?", sweep) == 0
                            && database.count("""
                    select count(*) from act_ru_job where duedate_ <= ? and process_instance_id_ in
                    (select process_instance_id from duban.task_supervision where plan_code = ?)""", due, plan) == 0
                            && database.count("""
                    select count(*) from duban.notification
                    where channel = 'EMAIL' and sent_at is null and body like ?""", "%" + plan + "-%") == 0;
                },
                timeout,
                () -> "every due timer of " + plan + " fired and every e-mail sent; left: "
                        + database.jdbc()
                                .sql("""
                select 'job ' || id_ || ' due ' || duedate_ || ' locked by ' || coalesce(lock_owner_, '-') || ' until '
                       || coalesce(lock_exp_time_::text, '-') || ' retries ' || retries_ from act_ru_job
                where duedate_ <= ? and process_instance_id_ in
                    (select process_instance_id from duban.task_supervision where plan_code = ?)
                union all
                select 'mail ' || id || ' attempts ' || attempts || ' next ' || next_attempt_at || ' error '
                       || coalesce(last_error, '-') from duban.notification
                where channel = 'EMAIL' and sent_at is null and body like ?
                limit 20""")
                                .params(due, plan, "%" + plan + "-%")
                                .query(String.class)
                                .list());
    }

    /**
     * The sweep checked each task once: every batch's job succeeded once (the engine's job log), each task turned
     * overdue once and climbed each level at most once, its record in the read model says so, and no one was told
     * anything twice.
     *
     * @return how many batches each node ran
     */
    private Map<String, Long> assertEachTaskCheckedOnce(String plan, int tasks) {
        assertThat(database.count("""
                select count(*) from (select job_def_id_, job_id_ from act_hi_job_log
                    where act_id_ = 'ServiceTask_SuperviseBatch' and job_state_ = 2 and process_instance_id_ = ?
                    group by job_def_id_, job_id_ having count(*) > 1) twice""", sweep)).as("no batch succeeded twice").isZero();
        assertThat(database.count("""
                select count(*) from act_hi_job_log
                where act_id_ = 'ServiceTask_SuperviseBatch' and job_state_ = 2 and process_instance_id_ = ?""", sweep))
                .as("each batch of %d tasks once", BATCH)
                .isEqualTo((tasks + BATCH - 1) / BATCH);
        SupervisionCounts record = new SupervisionCounts(database, plan);
        assertThat(record.overdueSteps()).as("逾期 recorded once per task").isEqualTo(tasks);
        assertThat(record.mostOverdueStepsOfOneTask()).isEqualTo(1);
        assertThat(record.mostTimesOneLevelReached())
                .as("each level reached once")
                .isEqualTo(1);
        assertThat(record.escalatedIn("OVERDUE"))
                .as("overdue and escalated in the read model")
                .isEqualTo(tasks);
        assertThat(database.count("""
                select count(*) from (select recipient, channel, subject, body from duban.notification
                    where body like ? group by 1, 2, 3, 4 having count(*) > 1) twice""", "%" + plan + "-%"))
                .as("no notification twice")
                .isZero();
        return firedBy();
    }

    /** The sweep's batches each node ran. */
    private Map<String, Long> firedBy() {
        Map<String, Long> counts = new HashMap<>();
        database.jdbc().sql("""
                        select hostname_, count(*) from act_hi_job_log
                        where act_id_ = 'ServiceTask_SuperviseBatch' and job_state_ = 2 and process_instance_id_ = ?
                        group by hostname_""").param(sweep).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private long overdueEvents(String plan) {
        return new SupervisionCounts(database, plan).overdueSteps();
    }

    private long sentMails(String plan) {
        return database.count("""
                select count(*) from duban.notification where channel = 'EMAIL' and sent_at is not null and body like ?""", "%" + plan + "-%");
    }

    /** The e-mails the mail server received about the plan's tasks, and how many of them it had received before. */
    private Mails mailsOf(String plan) {
        Map<String, Integer> seen = new HashMap<>();
        long received = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String body = content(message);
            if (!body.contains(plan + "-")) {
                continue;
            }
            received++;
            seen.merge(recipients(message) + "|" + subject(message) + "|" + body, 1, Integer::sum);
        }
        return new Mails(received, received - seen.size());
    }

    private static String recipients(MimeMessage message) {
        try {
            return String.join(
                    ",",
                    java.util.Arrays.stream(message.getAllRecipients())
                            .map(Address::toString)
                            .toList());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(BooleanSupplier condition, Duration timeout, String what) {
        await(condition, timeout, () -> what);
    }

    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not done after " + timeout + ": " + what.get());
            }
            DubanNode.sleep(250);
        }
    }

    private record Mails(long received, long duplicates) {}
}
