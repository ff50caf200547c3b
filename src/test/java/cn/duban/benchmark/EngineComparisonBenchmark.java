package cn.duban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.support.DubanTest;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Duban against the bare engine doing the same work in the same run: claiming and completing the first task of an
 * instance through Camunda's REST API with 1 and 4 clients, and 10,000 and 100,000 tasks crossing their deadline at
 * once (Duban's daily sweep marking each overdue and climbing the ladder, against a bare timer on each task; sizes
 * from {@code -Dduban.benchmark.crossing}). Not part of the test suite: {@code ./mvnw verify -Pbenchmark}.
 */
@DubanTest
class EngineComparisonBenchmark {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int REST_INSTANCES = 400;
    private static final int REST_WARM_UP = 100;
    private static final int REST_WARM_UP_ROUNDS = 4;
    private static final int JOB_THREADS = 3;
    /** Crossings above this size are copied rather than dispatched (see {@link #cloneBothSides}). */
    private static final int DISPATCHED_AT_MOST = 10_000;

    private static final int CLONE_CHUNK = 50_000;

    @LocalServerPort
    int port;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    TestUsers users;

    @Autowired
    DailySweepTiming sweepTiming;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void dubanAgainstTheBareEngine() throws Exception {
        deployBare();
        String user = users.member("bench-ecology", Orders.ECOLOGY.id());
        System.out.println();
        System.out.println("=== Duban against the bare engine, same run ===");
        // Both sides warm up first (JIT, connection pool, caches) until their times settle, so that neither pays for
        // going first nor for code the JIT has not compiled yet (Duban's path is longer and takes longer to compile).
        for (int round = 0; round < REST_WARM_UP_ROUNDS; round++) {
            restClaimAndComplete(dispatchDuban(REST_WARM_UP, LocalDate.of(2030, 12, 31)), user, 4);
            restClaimAndComplete(startBare(REST_WARM_UP, LocalDate.of(2030, 12, 31)), user, 4);
        }
        for (int clients : new int[] {1, 4}) {
            // Measured in halves, Duban and bare in turn, so that a slow moment of the machine falls on both.
            List<Long> dubanTimes = new ArrayList<>();
            List<Long> bareTimes = new ArrayList<>();
            long dubanNanos = 0;
            long bareNanos = 0;
            for (int half = 0; half < 2; half++) {
                dubanNanos += restClaimAndComplete(
                        dispatchDuban(REST_INSTANCES / 2, LocalDate.of(2030, 12, 31)), user, clients, dubanTimes);
                bareNanos += restClaimAndComplete(
                        startBare(REST_INSTANCES / 2, LocalDate.of(2030, 12, 31)), user, clients, bareTimes);
            }
            long[] duban = summary(dubanTimes, dubanNanos);
            long[] bare = summary(bareTimes, bareNanos);
            System.out.printf(
                    "REST claim+complete, %d client(s): Duban %.0f/s p50 %.1f ms p95 %.1f ms | bare %.0f/s "
                            + "p50 %.1f ms p95 %.1f ms | throughput ratio %.2f, p95 ratio %.2f%n",
                    clients,
                    duban[2] / 1000.0,
                    duban[0] / 1e6,
                    duban[1] / 1e6,
                    bare[2] / 1000.0,
                    bare[0] / 1e6,
                    bare[1] / 1e6,
                    (double) duban[2] / bare[2],
                    (double) duban[1] / bare[1]);
            BenchmarkTable.record(
                    "REST claim+complete, %d client(s)".formatted(clients),
                    "%.1f/s, p95 %.1f ms".formatted(duban[2] / 1000.0, duban[1] / 1e6),
                    "%.1f/s, p95 %.1f ms".formatted(bare[2] / 1000.0, bare[1] / 1e6),
                    "%.2f (p95 %.2f×)".formatted((double) duban[2] / bare[2], (double) duban[1] / bare[1]),
                    "≥ 0.9 (p95 ≤ 1.2×)");
        }

        LocalDate deadline = LocalDate.of(2031, 3, 3);
        for (int crossing : crossingSizes()) {
            crossing(crossing, deadline);
            deadline = deadline.plusWeeks(1);
        }
        System.out.println("===============================================");
    }

    /**
     * {@code count} tasks of one plan, and as many bare instances, cross their deadline together: Duban's daily sweep
     * (每日督办检查: each task marked overdue, its working days counted, its level decided and its steps recorded and
     * told) against a bare boundary timer on each instance (which marks the task late with a user task), both on
     * {@value #JOB_THREADS} job threads.
     */
    private void crossing(int count, LocalDate deadline) throws Exception {
        String plan = Orders.freshCode("CMP");
        if (count > DISPATCHED_AT_MOST) {
            cloneBothSides(plan, count, deadline);
        } else {
            dispatchBothSides(plan, count, deadline);
        }

        ClockUtil.setCurrentTime(
                Date.from(deadline.plusDays(1).atTime(9, 0).atZone(BEIJING).toInstant()));
        double dubanCrossing = sweepTiming.sweep(plan, JOB_THREADS).toNanos() / 1e9;
        double bareCrossing = runDueTimers("bare-deadline", "overdue");
        long overdue = jdbc.sql("""
                        select count(*) from duban.task_supervision where plan_code = ?
                        and state = 'OVERDUE' and escalation_level <> 'NONE'""").param(plan).query(Long.class).single();
        assertThat(overdue).isEqualTo(count);
        System.out.printf(
                "%,d tasks cross their deadline, %d job threads: Duban's daily sweep marks all overdue and escalated in "
                        + "%.1f s | bare timers fire in %.1f s | time ratio %.2f%n",
                count, JOB_THREADS, dubanCrossing, bareCrossing, dubanCrossing / bareCrossing);
        BenchmarkTable.record(
                String.format("%,d tasks cross their deadline together (%d job threads)", count, JOB_THREADS),
                String.format("%.1f s", dubanCrossing),
                String.format("%.1f s", bareCrossing),
                String.format("%.2f×", dubanCrossing / bareCrossing),
                "≤ 0.7×");
        ClockUtil.reset();
    }

    /** Dispatches {@code count} plan tasks and starts as many bare instances through the engine, timing both. */
    private void dispatchBothSides(String plan, int count, LocalDate deadline) {
        long start = System.nanoTime();
        dispatchDuban(plan, count, deadline);
        double dubanDispatch = count / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        startBare(count, deadline);
        double bareDispatch = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf(
                "dispatch %,d instances (batches of 100): Duban %.1f/s | bare %.1f/s | ratio %.2f%n",
                count, dubanDispatch, bareDispatch, dubanDispatch / bareDispatch);
        BenchmarkTable.record(
                String.format("dispatch %,d instances", count),
                String.format("%.0f/s", dubanDispatch),
                String.format("%.0f/s", bareDispatch),
                String.format("%.2f", dubanDispatch / bareDispatch),
                "");
    }

    /**
     * Above {@value #DISPATCHED_AT_MOST} tasks, dispatching both sides through the engine would take most of an hour,
     * and its speed is measured at 10,000 already: one plan task and one bare instance are started through the engine
     * and their rows copied {@code count - 1} times each ({@link InstanceCloner}, foreign keys and triggers on), so
     * both sides cross with exactly the rows the engine would have written.
     */
    private void cloneBothSides(String plan, int count, LocalDate deadline) {
        InstanceCloner cloner = new InstanceCloner(jdbcTemplate);
        try {
            long start = System.nanoTime();
            cloner.snapshot();
            dispatchDuban(plan, 1, deadline);
            InstanceCloner.Template duban = cloner.capture(
                    "crossing_duban", Map.of(plan + "-0", InstanceCloner.literal(plan + "-c") + " || g.n"), Map.of());
            cloner.snapshot();
            startBare(1, deadline);
            InstanceCloner.Template bare =
                    cloner.capture("crossing_bare", Map.of("bare-0", "'bare-c' || g.n"), Map.of());
            for (InstanceCloner.Template template : List.of(duban, bare)) {
                for (long from = 1; from < count; from += CLONE_CHUNK) {
                    cloner.clone(template, from, Math.min(count - 1, from + CLONE_CHUNK - 1), Map.of());
                }
            }
            for (String table : List.of(
                    "act_ru_execution",
                    "act_ru_task",
                    "act_ru_variable",
                    "act_ru_job",
                    "act_ru_identitylink",
                    "act_hi_varinst",
                    "duban.task_supervision")) {
                jdbcTemplate.execute("vacuum analyze " + table);
            }
            System.out.printf(
                    "%,d plan tasks and %,d bare instances copied from one of each started through the engine in %.1f s"
                            + " (rows per instance: Duban %s; bare %s)%n",
                    count,
                    count,
                    (System.nanoTime() - start) / 1e9,
                    cloner.rowsPerTable(duban).values().stream()
                            .mapToLong(Long::longValue)
                            .sum(),
                    cloner.rowsPerTable(bare).values().stream()
                            .mapToLong(Long::longValue)
                            .sum());
        } finally {
            cloner.dropAll();
        }
    }

    /**
     * The crossing sizes: {@code -Dduban.benchmark.crossing=10000,100000} (the default); smaller on a small machine,
     * empty for none.
     */
    private static List<Integer> crossingSizes() {
        return java.util.Arrays.stream(System.getProperty("duban.benchmark.crossing", "10000,100000")
                        .split(","))
                .map(String::strip)
                .filter(size -> !size.isEmpty())
                .map(Integer::valueOf)
                .toList();
    }

    private List<String> dispatchDuban(int count, LocalDate deadline) {
        return dispatchDuban(Orders.freshCode("CMP"), count, deadline);
    }

    private List<String> dispatchDuban(String plan, int count, LocalDate deadline) {
        List<String> ids = new ArrayList<>();
        for (int batch = 0; batch < count; batch += 100) {
            int from = batch;
            transaction.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(count, from + 100); i++) {
                    ids.add(dispatcher.dispatch(new TaskDispatchOrder(
                            plan,
                            "对比测试计划",
                            plan + "-" + i,
                            null,
                            "对比任务" + i,
                            "对比任务的内容。",
                            List.of(Orders.ECOLOGY),
                            List.of(),
                            List.of(),
                            deadline,
                            ReportCycle.QUARTERLY)));
                }
            });
        }
        return ids;
    }

    private List<String> startBare(int count, LocalDate deadline) {
        List<String> ids = new ArrayList<>();
        Date due = Date.from(deadline.atTime(23, 59, 59).atZone(BEIJING).toInstant());
        for (int batch = 0; batch < count; batch += 100) {
            int from = batch;
            transaction.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(count, from + 100); i++) {
                    // The same variables as a dispatched plan task carries, so both sides write as much.
                    ids.add(runtimeService
                            .startProcessInstanceByKey(
                                    "bare-deadline",
                                    "bare-" + i,
                                    Variables.createVariables()
                                            .putValue("leadUnits", Orders.ECOLOGY.id())
                                            .putValue("deadline", due)
                                            .putValue("taskTitle", "对比任务" + i)
                                            .putValue("taskText", "对比任务的内容。")
                                            .putValue("planTitle", "对比测试计划")
                                            .putValue("leadUnitNames", "州生态环境局")
                                            .putValue("taskCode", "bare-" + i)
                                            .putValue("planCode", "BARE")
                                            .putValue("section", null)
                                            .putValue("supportUnits", "")
                                            .putValue("supportUnitNames", "无")
                                            .putValue("implementingUnits", "")
                                            .putValue("implementingUnitNames", "无")
                                            .putValue("progressReportCycle", ReportCycle.QUARTERLY.cron())
                                            .putValue("deadlineText", "2031年3月3日"))
                            .getId());
                }
            });
        }
        return ids;
    }

    private long restClaimAndComplete(List<String> instances, String user, int clients) throws Exception {
        return restClaimAndComplete(instances, user, clients, new ArrayList<>());
    }

    /** p50 and p95 (ns) of {@code times}, and pairs per 1000 s over {@code elapsedNanos}. */
    private static long[] summary(List<Long> times, long elapsedNanos) {
        List<Long> sorted = times.stream().sorted().toList();
        return new long[] {
            sorted.get(sorted.size() / 2),
            sorted.get(sorted.size() * 95 / 100),
            Math.round(times.size() * 1e12 / elapsedNanos)
        };
    }

    /**
     * Claims and completes the first task of each instance over REST; adds each pair's time (ns) to {@code into} and
     * returns the elapsed time (ns).
     */
    private long restClaimAndComplete(List<String> instances, String user, int clients, List<Long> into)
            throws Exception {
        ConcurrentLinkedQueue<String> tasks = new ConcurrentLinkedQueue<>();
        instances.forEach(id -> tasks.add(taskService
                .createTaskQuery()
                .processInstanceId(id)
                .singleResult()
                .getId()));
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        String auth = "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                String task;
                while ((task = tasks.poll()) != null) {
                    long begin = System.nanoTime();
                    post("/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}", auth);
                    post("/engine-rest/task/" + task + "/complete", """
                            {"variables": {"responsiblePerson": {"value": "张伟"},
                                           "contactPhone": {"value": "0994-2345678"}}}""", auth);
                    times.add(System.nanoTime() - begin);
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        long elapsed = System.nanoTime() - start;
        assertThat(times).hasSize(instances.size());
        into.addAll(times);
        return elapsed;
    }

    private void post(String path, String body, String auth) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", auth)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs the due deadline timers of a process definition on a few threads, as the job executor would; returns
     * seconds. (Only the deadline's: the quarterly progress-report round that happens to be due too is other work.)
     */
    private double runDueTimers(String processDefinitionKey, String timerActivityId) throws Exception {
        ConcurrentLinkedQueue<String> due = new ConcurrentLinkedQueue<>();
        managementService
                .createJobQuery()
                .processDefinitionKey(processDefinitionKey)
                .activityId(timerActivityId)
                .timers()
                .executable()
                .list()
                .stream()
                .map(Job::getId)
                .forEach(due::add);
        ExecutorService pool = Executors.newFixedThreadPool(JOB_THREADS);
        long start = System.nanoTime();
        for (int t = 0; t < JOB_THREADS; t++) {
            pool.submit(() -> {
                String job;
                while ((job = due.poll()) != null) {
                    try {
                        managementService.executeJob(job);
                    } catch (RuntimeException conflict) {
                        // Two jobs of one instance at once (the daily check and a report round): the loser is
                        // retried, as the job executor retries a failed job.
                        if (managementService.createJobQuery().jobId(job).count() > 0) {
                            due.add(job);
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
        return (System.nanoTime() - start) / 1e9;
    }

    private void deployBare() {
        BpmnModelInstance deadline = Bpmn.createExecutableProcess("bare-deadline")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("claim")
                // The same form as plan-task's 签收, so the engine guard checks the same submission on both sides.
                .camundaFormRef("plan-task-claim")
                .camundaFormRefBinding("latest")
                .camundaCandidateGroups("${leadUnits}")
                .camundaDueDate("${deadline}")
                .boundaryEvent("overdue")
                .cancelActivity(false)
                .timerWithDate("${deadline}")
                .userTask("late")
                .camundaCandidateGroups("${leadUnits}")
                .endEvent()
                .moveToActivity("claim")
                .userTask("report")
                .camundaCandidateGroups("${leadUnits}")
                .endEvent()
                .done();
        repositoryService
                .createDeployment()
                .name("benchmark bare engine")
                .addModelInstance("bare-deadline.bpmn", deadline)
                .deploy();
        // The benchmark's unit user may work on the bare process too, as on plan-task.
        users.member("bench-ecology", Orders.ECOLOGY.id());
    }
}
