package cn.duban.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.dashboard.DashboardCounts;
import cn.duban.dispatch.PlanTaskDispatcher;
import cn.duban.dispatch.ReportCycle;
import cn.duban.dispatch.TaskDispatchOrder;
import cn.duban.identity.DubanGroups;
import cn.duban.identity.Unit;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.Jobs;
import cn.duban.support.Orders;
import cn.duban.support.TestUsers;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Duban at a million open plan tasks (issue 17's Scale goal): a generator loads the database with copies of a few
 * instances that were started and worked on through the engine (unsigned, signed with a contribution and a progress
 * report, overdue and urged, far overdue, reported, and a year's closures whose history has expired), then the
 * dashboard, the ledger export, the daily check, Camunda's history cleanup and the database are measured at that
 * size, next to the bare engine's REST API doing the same reads on the same rows. Not part of the test suite:
 * {@code ./mvnw verify -Pbenchmark}; the size is {@code -Dduban.benchmark.tasks=1000000} (the default is smaller, see
 * docs/operations.md).
 */
@DubanTest
class ScaleBenchmark {

    /** Open plan tasks to generate. */
    static final long TASKS = Long.getLong("duban.benchmark.tasks", 100_000);

    /** How long Camunda's history cleanup is run to measure its pace. */
    static final int CLEANUP_SECONDS = Integer.getInteger("duban.benchmark.cleanup-seconds", 60);

    /** How many of the due daily-check timers are run to time the current daily check. */
    static final int SWEEP_THREADS = 3;

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final int ROUNDS = 100;
    private static final int PLANS = 40;
    private static final int CHUNK = 50_000;
    private static final String PLAN = "SCALE";
    private static final String PLAN_TITLE = "规模测试计划";
    private static final String OFFICE = "scale-office";
    private static final String ADMIN = "scale-admin";

    @LocalServerPort
    int port;

    @Autowired
    PlanTaskDispatcher dispatcher;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    HistoryService historyService;

    @Autowired
    DashboardCounts counts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Autowired
    Jobs jobs;

    @Autowired
    DailySweepTiming sweepTiming;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Double> partSeconds = new LinkedHashMap<>();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void dubanAtScale() throws Exception {
        users.member(OFFICE, DubanGroups.SUPERVISION_OFFICE);
        users.member(ADMIN, "camunda-admin");
        users.member("scale-ecology", Orders.ECOLOGY.id());
        users.member("scale-finance", Orders.FINANCE.id());
        System.out.printf("%n=== Scale benchmark: %,d open plan tasks ===%n", TASKS);

        Generated generated = part("generate", this::generate);
        step("engine works on a generated task", () -> engineWorksOn(generated));
        step("dashboard over HTTP", this::dashboardOverHttp);
        step("ledger export", this::ledgerExport);
        step("daily sweep", () -> timeDailySweep(generated));
        step("history cleanup", () -> historyCleanup(generated));
        step("sizes", this::sizes);
        System.out.println("Scale benchmark, time per part:");
        partSeconds.forEach((name, seconds) -> System.out.printf("  %-36s %8.1f s%n", name, seconds));
    }

    // --- the generator ---------------------------------------------------------------------------------------

    record Generated(Map<String, InstanceCloner.Template> templates, Map<String, Long> copies, List<Unit> units) {}

    private Generated generate() throws Exception {
        InstanceCloner cloner = new InstanceCloner(jdbc);
        List<Unit> units = jdbc.query("""
                        select id, name, kind from duban.unit where kind in ('DEPARTMENT', 'CITY', 'COUNTY', 'PARK')
                        order by sort_order, id""", (rs, row) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3)));
        Map<String, String> cycled = cycledKeys(units);
        LocalDate today = LocalDate.now(BEIJING);
        Map<String, InstanceCloner.Template> templates = new LinkedHashMap<>();
        // Each template is one instance worked on through the engine, as people would.
        templates.put("unsigned", template(cloner, "unsigned", cycled, () -> {
            dispatch("unsigned", today.plusDays(40));
        }));
        templates.put("working", template(cloner, "working", cycled, () -> {
            String instance = dispatch("working", today.plusDays(120));
            complete(instance, "UserTask_ClaimTask", Map.of("responsiblePerson", "张伟", "contactPhone", "0994-2345678"));
            progressReport(instance);
            complete(
                    instance,
                    "UserTask_Contribute",
                    Map.of("contributionDecision", "contribute", "contribution", "已完成本单位承担的农用地详查点位布设。"));
        }));
        templates.put("overdue", template(cloner, "overdue", cycled, () -> {
            dispatch("overdue", today.minusDays(10));
            urge("overdue");
        }));
        templates.put("farOverdue", template(cloner, "farOverdue", cycled, () -> {
            dispatch("farOverdue", today.minusDays(75));
            urge("farOverdue");
        }));
        templates.put("reported", template(cloner, "reported", cycled, () -> {
            String instance = dispatch("reported", today.plusDays(60));
            complete(instance, "UserTask_ClaimTask", Map.of("responsiblePerson", "李娜", "contactPhone", "13912345678"));
            complete(
                    instance,
                    "UserTask_Contribute",
                    Map.of("contributionDecision", "contribute", "contribution", "已配合完成。"));
            complete(
                    instance,
                    "UserTask_ReportResult",
                    Map.of("resultDescription", "详查工作已完成，形成详查报告。", "evidence", "详查报告.pdf"));
        }));
        templates.put("closed", template(cloner, "closed", cycled, () -> {
            String instance = dispatch("closed", today.plusDays(30));
            complete(instance, "UserTask_ClaimTask", Map.of("responsiblePerson", "王强", "contactPhone", "0994-2345678"));
            complete(
                    instance,
                    "UserTask_Contribute",
                    Map.of("contributionDecision", "contribute", "contribution", "已配合完成。"));
            complete(instance, "UserTask_ReportResult", Map.of("resultDescription", "已完成。", "evidence", "验收报告.pdf"));
            complete(instance, "UserTask_VerifyResult", Map.of("inspectionDecision", "pass"));
            complete(instance, "UserTask_ApproveClosure", Map.of("closureDecision", "approve"));
        }));
        templates.forEach((name, template) ->
                System.out.printf("template %-10s rows per instance: %s%n", name, cloner.rowsPerTable(template)));

        Map<String, Long> copies = new LinkedHashMap<>();
        copies.put("unsigned", TASKS * 40 / 100);
        copies.put("working", TASKS * 25 / 100);
        copies.put("overdue", TASKS * 15 / 100);
        copies.put("farOverdue", TASKS * 10 / 100);
        copies.put("reported", TASKS - TASKS * 90 / 100);
        // A year's closures, at a quarter of the open tasks a year, whose history expired over the past year.
        copies.put("closed", TASKS / 4);

        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        // Deadlines spread over 20 months, for the tasks not yet due.
        Map<String, String> spread = Map.of(
                "task_supervision.deadline", "t.deadline + (g.n % 600)::int",
                "due_date_", "t.due_date_ + (g.n % 600) * interval '1 day'",
                "act_ru_variable.long_",
                        "case when t.name_ = 'deadline' then t.long_ + (g.n % 600) * 86400000 else t.long_ end",
                "act_hi_varinst.long_",
                        "case when t.name_ = 'deadline' then t.long_ + (g.n % 600) * 86400000 else t.long_ end");
        overrides.put("unsigned", spread);
        overrides.put("working", spread);
        overrides.put("reported", spread);
        overrides.put("overdue", Map.of());
        overrides.put("farOverdue", Map.of());
        overrides.put("closed", Map.of("removal_time_", "now() - (1 + g.n % 365) * interval '1 day'"));

        long loading = System.nanoTime();
        cloner.beginBulkLoad(templates.values());
        for (Map.Entry<String, Long> entry : copies.entrySet()) {
            long started = System.nanoTime();
            for (long from = 1; from <= entry.getValue(); from += CHUNK) {
                long to = Math.min(entry.getValue(), from + CHUNK - 1);
                cloner.clone(templates.get(entry.getKey()), from, to, overrides.get(entry.getKey()));
            }
            System.out.printf(
                    "generated %,d copies of %s in %.1f s%n",
                    entry.getValue(), entry.getKey(), (System.nanoTime() - started) / 1e9);
        }
        // What the skipped row trigger task_supervision_counts would have written: the copies' count deltas, set based.
        jdbc.update("""
                insert into duban.task_state_delta (plan_code, state, escalation_level, deadline_year, delta)
                select plan_code, state, escalation_level, coalesce(extract(year from deadline)::integer, 0), count(*)
                from duban.task_supervision where task_code like 'SCALE-%-%' group by 1, 2, 3, 4""");
        cloner.endBulkLoad();
        System.out.printf("bulk load, indexes included, in %.1f s%n", (System.nanoTime() - loading) / 1e9);
        long folding = System.nanoTime();
        while (counts.fold() > 0) {
            // folds the read model's deltas in rounds
        }
        for (String table : List.of(
                "act_ru_execution",
                "act_ru_task",
                "act_ru_variable",
                "act_ru_identitylink",
                "act_ru_job",
                "act_hi_procinst",
                "act_hi_actinst",
                "act_hi_taskinst",
                "act_hi_varinst",
                "act_hi_detail",
                "act_hi_identitylink",
                "duban.task_supervision",
                "duban.task_state_count",
                "duban.task_state_delta")) {
            jdbc.execute("vacuum analyze " + table);
        }
        System.out.printf("read model folded, tables vacuumed in %.1f s%n", (System.nanoTime() - folding) / 1e9);
        long open = jdbc.queryForObject(
                "select count(*) from duban.task_supervision where task_code like 'SCALE-%-%' and state <> 'CLOSED'",
                Long.class);
        assertThat(open).isEqualTo(TASKS);
        return new Generated(templates, copies, units);
    }

    /** Task codes, units and plans as the copies get them. */
    private static Map<String, String> cycledKeys(List<Unit> units) {
        Map<String, String> cycled = new LinkedHashMap<>();
        String ids = units.stream()
                .map(u -> InstanceCloner.literal(u.id()))
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        String names = units.stream()
                .map(u -> InstanceCloner.literal(u.name()))
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        // The lead unit and the support unit of copy n: two different units of the prefecture.
        String lead = "(1 + g.n % " + units.size() + ")";
        String support = "(1 + (g.n + 7) % " + units.size() + ")";
        cycled.put(Orders.ECOLOGY.id(), "(array[" + ids + "])[" + lead + "]");
        cycled.put(Orders.ECOLOGY.name(), "(array[" + names + "])[" + lead + "]");
        cycled.put(Orders.FINANCE.id(), "(array[" + ids + "])[" + support + "]");
        cycled.put(Orders.FINANCE.name(), "(array[" + names + "])[" + support + "]");
        cycled.put(PLAN, "'" + PLAN + "-' || lpad((g.n % " + PLANS + ")::text, 2, '0')");
        cycled.put(PLAN_TITLE, "'" + PLAN_TITLE + "（第' || (g.n % " + PLANS + ") || '批）'");
        return cycled;
    }

    private InstanceCloner.Template template(
            InstanceCloner cloner, String name, Map<String, String> cycled, Runnable work) {
        cloner.snapshot();
        work.run();
        String code = code(name);
        Map<String, String> identities = Map.of(code, InstanceCloner.literal(code + "-") + " || g.n");
        Map<String, String> named = new LinkedHashMap<>(cycled);
        named.put("规模任务：" + name, InstanceCloner.literal("规模任务：" + name + "-") + " || g.n");
        return cloner.capture(name, identities, named);
    }

    private static String code(String template) {
        return PLAN + "-" + template;
    }

    private String dispatch(String template, LocalDate deadline) {
        return dispatcher.dispatch(new TaskDispatchOrder(
                PLAN,
                PLAN_TITLE,
                code(template),
                "一、土壤污染防治",
                "规模任务：" + template,
                "开展农用地土壤污染状况详查，建立详查点位档案，按季度报送进展。",
                List.of(Orders.ECOLOGY),
                List.of(Orders.FINANCE),
                List.of(),
                deadline,
                ReportCycle.QUARTERLY));
    }

    private void complete(String instance, String taskKey, Map<String, Object> variables) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task)
                .as(taskKey + " open among "
                        + taskService.createTaskQuery().processInstanceId(instance).list().stream()
                                .map(Task::getTaskDefinitionKey)
                                .toList())
                .isNotNull();
        if (taskKey.equals("UserTask_ClaimTask")) {
            taskService.claim(task.getId(), "scale-ecology");
        }
        taskService.complete(task.getId(), variables);
        jobs.executeAll(instance);
    }

    /** The quarter's progress report: the report round's timer fires and the lead unit reports. */
    private void progressReport(String instance) {
        Job round = managementService
                .createJobQuery()
                .processInstanceId(instance)
                .timers()
                .activityId("StartEvent_ProgressReportDue")
                .singleResult();
        assertThat(round).as("progress report round").isNotNull();
        managementService.executeJob(round.getId());
        Task report = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("UserTask_ReportProgress")
                .singleResult();
        if (report == null) {
            System.out.println("the progress report round asked for no report (the lead unit is not at a unit step)");
            return;
        }
        taskService.complete(report.getId(), Map.of("progress", "已完成全州农用地详查点位布设，正在采样。"));
    }

    private void urge(String template) {
        Http.Response urged = Http.as(rest, OFFICE)
                .postJson("/api/plan-tasks/" + code(template) + "/urges", Map.of("message", "已逾期，请于本周内报送办理结果"));
        assertThat(urged.status()).as(urged.body()).isEqualTo(200);
    }

    // --- the engine still works on the copies ---------------------------------------------------------------

    private void engineWorksOn(Generated generated) throws Exception {
        InstanceCloner.Template unsigned = generated.templates().get("unsigned");
        String templateTask =
                jdbc.queryForObject("select id_ from " + unsigned.tables().get("public.act_ru_task"), String.class);
        long copy = 12_345 % generated.copies().get("unsigned") + 1;
        String task = InstanceCloner.Template.renumbered(templateTask, copy);
        Unit lead = generated.units().get((int) (copy % generated.units().size()));
        String user = users.member("scale-lead-" + lead.id(), lead.id());
        String instance =
                taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        String auth = basic(user);
        long start = System.nanoTime();
        assertThat(post("/engine-rest/task/" + task + "/claim", "{\"userId\":\"" + user + "\"}", auth))
                .isEqualTo(204);
        assertThat(post("/engine-rest/task/" + task + "/complete", """
                {"variables": {"responsiblePerson": {"value": "赵敏"}, "contactPhone": {"value": "0994-2345678"}}}""", auth)).isEqualTo(204);
        double claimed = (System.nanoTime() - start) / 1e6;
        List<String> next = taskService.createTaskQuery().processInstanceId(instance).list().stream()
                .map(Task::getTaskDefinitionKey)
                .toList();
        assertThat(next).containsExactly("UserTask_Contribute");
        // The copy's support unit, as the generator gave it, is asked to contribute.
        Unit support =
                generated.units().get((int) ((copy + 7) % generated.units().size()));
        Task contribute =
                taskService.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(taskService.getIdentityLinksForTask(contribute.getId()))
                .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
                .contains(support.id());
        System.out.printf(
                "a generated task (%s, %s) claimed and completed over REST in %.0f ms; now open: %s%n",
                task, lead.name(), claimed, next);

        String admin = basic(ADMIN);
        start = System.nanoTime();
        String statistics = get("/engine-rest/process-definition/statistics", admin);
        double cockpit = (System.nanoTime() - start) / 1e6;
        long instances = jdbc.queryForObject(
                "select count(*) from act_ru_execution where parent_id_ is null and proc_def_key_ = 'plan-task'",
                Long.class);
        assertThat(statistics).contains("\"instances\":" + instances);
        System.out.printf("Cockpit's process statistics (%,d plan-task instances) in %.0f ms%n", instances, cockpit);
        BenchmarkTable.record(
                "scale: Cockpit's process statistics at %,d open tasks".formatted(TASKS),
                "%,.0f ms".formatted(cockpit),
                "same call",
                "–",
                "counts every instance");
    }

    // --- the dashboard -------------------------------------------------------------------------------------

    private void dashboardOverHttp() {
        users.member(OFFICE, DubanGroups.SUPERVISION_OFFICE);
        Http office = Http.as(rest, OFFICE);
        Http admin = Http.as(rest, ADMIN);
        // Camunda's REST date format; an offset with "-", as "+" in a query string would read as a space.
        String now = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
                .format(Instant.now().atOffset(java.time.ZoneOffset.ofHours(-1)));
        Map<String, long[]> figures = new LinkedHashMap<>();
        figures.put("overview", measure(() -> expectOk(office.get("/api/dashboard/overview"))));
        figures.put("overdue", measure(() -> expectOk(office.get("/api/dashboard/overdue"))));
        figures.put(
                "overdueUnit", measure(() -> expectOk(office.get("/api/dashboard/overdue?unit=finance&sort=urges"))));
        figures.put("bareCount", measure(() -> expectOk(admin.get("/engine-rest/task/count?dueBefore=" + now))));
        figures.put(
                "bareList",
                measure(() -> expectOk(admin.get("/engine-rest/task?dueBefore=" + now
                        + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50"))));
        figures.forEach((name, nanos) ->
                System.out.printf("  %-12s p50 %8.2f ms  p95 %8.2f ms%n", name, nanos[0] / 1e6, nanos[1] / 1e6));
        record("overview", figures.get("overview"), "bare REST /task/count?dueBefore", figures.get("bareCount"));
        record(
                "overdue list, page 1",
                figures.get("overdue"),
                "bare REST /task?dueBefore sorted, 50",
                figures.get("bareList"));
        record(
                "overdue list, one unit by urges",
                figures.get("overdueUnit"),
                "bare REST /task?dueBefore sorted, 50",
                figures.get("bareList"));
    }

    private static void record(String work, long[] duban, String bareWork, long[] bare) {
        BenchmarkTable.record(
                "scale: %s at %,d open tasks, p95 over HTTP".formatted(work, TASKS),
                "%.1f ms".formatted(duban[1] / 1e6),
                "%.1f ms (%s)".formatted(bare[1] / 1e6, bareWork),
                "%.2f×".formatted((double) duban[1] / bare[1]),
                "p95 ≤ 50 ms");
    }

    private static long[] measure(Supplier<Object> call) {
        for (int i = 0; i < 10; i++) {
            call.get();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            call.get();
            times.add(System.nanoTime() - start);
        }
        Collections.sort(times);
        return new long[] {times.get(ROUNDS / 2), times.get(ROUNDS * 95 / 100)};
    }

    private static Object expectOk(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    // --- the ledger ----------------------------------------------------------------------------------------

    private void ledgerExport() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dashboard/ledger.xlsx"))
                        .header("Authorization", basic(OFFICE))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = System.nanoTime();
        long bytes;
        try (java.io.InputStream body = response.body()) {
            bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        long seconds = System.nanoTime() - start;
        sampler.interrupt();
        sampler.join();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        assertThat(response.statusCode()).isEqualTo(200);
        long rows = jdbc.queryForObject("select count(*) from duban.task_supervision", Long.class);
        System.out.printf(
                "ledger .xlsx of %,d tasks: %,d bytes in %.1f s (first byte after %.1f s); heap used before %,d MB, "
                        + "peak during %,d MB, after %,d MB (max %,d MB)%n",
                rows,
                bytes,
                seconds / 1e9,
                (firstByte - start) / 1e9,
                before >> 20,
                peak.get() >> 20,
                after >> 20,
                memory.getHeapMemoryUsage().getMax() >> 20);
        BenchmarkTable.record(
                "scale: ledger .xlsx of %,d tasks over HTTP".formatted(rows),
                "%.0f s, %,d MB; heap %,d → peak %,d → %,d MB"
                        .formatted(seconds / 1e9, bytes >> 20, before >> 20, peak.get() >> 20, after >> 20),
                "–",
                "–",
                "streams, memory flat");
    }

    // --- the daily sweep -----------------------------------------------------------------------------------

    /**
     * The daily sweep at this size: the hook where the set-based daily sweep (another part of issue 17) is timed.
     * Until it exists, this times the current mechanism, one daily-check timer per open task, on a sample of the due
     * timers run one after the other, and extrapolates to every open task.
     */
    private void timeDailySweep(Generated generated) throws Exception {
        // The next morning at nine: every open task in the units' hands is due for its daily step.
        ClockUtil.setCurrentTime(Date.from(
                LocalDate.now(BEIJING).plusDays(1).atTime(9, 0).atZone(BEIJING).toInstant()));
        try {
            long due = jdbc.queryForObject(
                    "select count(*) from duban.task_supervision where state not in ('SUBMITTED', 'CLOSED')",
                    Long.class);
            int retriesBefore = sweepTiming.retries();
            Duration took = sweepTiming.sweep(null, SWEEP_THREADS);
            long checked = jdbc.queryForObject(
                    "select count(*) from duban.task_supervision where last_checked_on = ?",
                    Long.class,
                    LocalDate.now(BEIJING).plusDays(1));
            System.out.printf(
                    "daily sweep: %,d of %,d due tasks checked in %.1f s on %d job threads (%d batch retries)%n",
                    checked, due, took.toMillis() / 1e3, SWEEP_THREADS, sweepTiming.retries() - retriesBefore);
            BenchmarkTable.record(
                    "scale: daily sweep at %,d open tasks (%,d due, %d job threads)"
                            .formatted(TASKS, due, SWEEP_THREADS),
                    "%,d checked in %.1f s (%.1f min)"
                            .formatted(checked, took.toMillis() / 1e3, took.toMillis() / 60_000.0),
                    "–",
                    "–",
                    "minutes");
        } finally {
            ClockUtil.reset();
        }
    }

    // --- history cleanup -----------------------------------------------------------------------------------

    private void historyCleanup(Generated generated) {
        InstanceCloner.Template closed = generated.templates().get("closed");
        long closures = generated.copies().get("closed");
        Map<String, Long> perClosure = new LinkedHashMap<>();
        Map<String, Long> before = new LinkedHashMap<>();
        closed.tables().forEach((table, copy) -> {
            if (table.startsWith("public.act_hi_")) {
                perClosure.put(table, jdbc.queryForObject("select count(*) from " + copy, Long.class));
                before.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
            }
        });
        Job cleanup = historyService.cleanUpHistoryAsync(true);
        long start = System.nanoTime();
        long deadline = start + CLEANUP_SECONDS * 1_000_000_000L;
        int runs = 0;
        while (System.nanoTime() < deadline) {
            managementService.executeJob(cleanup.getId());
            runs++;
            Long expired =
                    jdbc.queryForObject("select count(*) from act_hi_actinst where removal_time_ < now()", Long.class);
            if (expired == 0) {
                break;
            }
        }
        double hours = (System.nanoTime() - start) / 3.6e12;
        double pace = Double.MAX_VALUE;
        String slowest = "";
        for (Map.Entry<String, Long> entry : perClosure.entrySet()) {
            long removed = before.get(entry.getKey())
                    - jdbc.queryForObject("select count(*) from " + entry.getKey(), Long.class);
            double closuresPerHour = removed / hours / entry.getValue();
            System.out.printf(
                    "  %-28s %2d rows a closure, %,9d removed → %,12.0f closures/h%n",
                    entry.getKey(), entry.getValue(), removed, closuresPerHour);
            if (closuresPerHour < pace) {
                pace = closuresPerHour;
                slowest = entry.getKey();
            }
        }
        double window = pace * 4 * 365;
        System.out.printf(
                "history cleanup: %d runs of the cleanup job in %.0f s; %,.0f closures/h (slowest table %s) → %,.0f a "
                        + "year in the 4-hour nightly window, against %,d closures a year%n",
                runs, hours * 3600, pace, slowest, window, closures);
        BenchmarkTable.record(
                "scale: history cleanup of a year's %,d closures (nightly window 01:00–05:00)".formatted(closures),
                "%,.0f closures/h → %,.0f a year".formatted(pace, window),
                "–",
                "%.1f× the closures".formatted(window / closures),
                "≥ 1× (keeps up)");
    }

    // --- sizes ---------------------------------------------------------------------------------------------

    private void sizes() {
        long database = jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
        System.out.printf("database: %,d MB; biggest tables (with indexes):%n", database >> 20);
        jdbc.query("""
                        select n.nspname || '.' || c.relname, pg_total_relation_size(c.oid), c.reltuples::bigint
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where c.relkind = 'r' and n.nspname in ('public', 'duban')
                        order by 2 desc limit 12""", rs -> {
            System.out.printf("  %-36s %,8d MB %,14d rows%n", rs.getString(1), rs.getLong(2) >> 20, rs.getLong(3));
        });
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heap = memory.getHeapMemoryUsage().getUsed();
        long nonHeap = memory.getNonHeapMemoryUsage().getUsed();
        System.out.printf(
                "JVM: heap used after GC %,d MB of %,d MB max; non-heap %,d MB%n",
                heap >> 20, memory.getHeapMemoryUsage().getMax() >> 20, nonHeap >> 20);
        BenchmarkTable.record(
                "scale: database and JVM at %,d open tasks".formatted(TASKS),
                "database %,d MB; heap after GC %,d MB, non-heap %,d MB"
                        .formatted(database >> 20, heap >> 20, nonHeap >> 20),
                "–",
                "–",
                "printed");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private <T> T part(String name, ThrowingSupplier<T> work) throws Exception {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            partSeconds.put(name, (System.nanoTime() - start) / 1e9);
        }
    }

    private void step(String name, ThrowingRunnable work) throws Exception {
        part(name, () -> {
            work.run();
            return null;
        });
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private int post(String path, String body, String auth) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", auth)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            System.out.println(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.statusCode();
    }

    private String get(String path, String auth) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", auth)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
