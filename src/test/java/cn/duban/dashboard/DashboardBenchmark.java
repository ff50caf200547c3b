package cn.duban.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.duban.identity.DubanGroups;
import cn.duban.supervision.EscalationLevel;
import cn.duban.support.DubanTest;
import cn.duban.support.Http;
import cn.duban.support.TestUsers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's queries at 100,000 open tasks on PostgreSQL, next to Camunda's own {@code TaskQuery} counting as
 * many tasks in the same run. Not part of the test suite: {@code ./mvnw verify -Pbenchmark}.
 *
 * <p>Both sides are seeded with SQL (starting 100,000 instances through the engine would take the engine ten minutes
 * and measure nothing more of these reads): 100,000 rows of Duban's read model, spread over 20 plans and 33 units like
 * a prefecture's supervision ledger (a fifth of them overdue), and 100,000 open rows of Camunda's task table with the
 * same spread of due dates.
 */
@DubanTest
class DashboardBenchmark {

    private static final int TASKS = 100_000;
    private static final int ROUNDS = 200;

    @Autowired
    DashboardQueries queries;

    @Autowired
    DashboardCounts counts;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TestUsers users;

    @Test
    void dashboardQueriesAt100000OpenTasks() {
        // Other benchmarks of the same run may have left tasks behind: the seeded ones are counted on top of those.
        long dueBeforeSeeding =
                taskService.createTaskQuery().dueBefore(new Date()).count();
        long overdueBeforeSeeding = queries.overview(null).byState().getOrDefault("OVERDUE", 0L);
        long seeding = System.nanoTime();
        seed();
        System.out.printf(
                "%nDashboard benchmark: %,d open tasks seeded in %.1f s%n", TASKS, (System.nanoTime() - seeding) / 1e9);
        Date now = new Date();
        long dueBefore = taskService.createTaskQuery().dueBefore(now).count() - dueBeforeSeeding;
        assertThat(dueBefore).isBetween(TASKS / 5L - 100, TASKS / 5L + 100);
        assertThat(queries.overview(null).byState().get("OVERDUE") - overdueBeforeSeeding)
                .isEqualTo(dueBefore);

        Map<String, Supplier<Object>> work = new LinkedHashMap<>();
        work.put(
                "Camunda TaskQuery.dueBefore(now).count()",
                () -> taskService.createTaskQuery().dueBefore(now).count());
        work.put(
                "plain SQL count(*) of ACT_RU_TASK due before now",
                () -> jdbc.queryForObject("select count(*) from act_ru_task where due_date_ < ?", Long.class, now));
        work.put("overview, all plans", () -> queries.overview(null));
        work.put("overview, one plan", () -> queries.overview("BENCH-07"));
        work.put(
                "overdue list, page 1 (most overdue first)",
                () -> queries.overdue(TaskFilter.overdue(null, null, null), OverdueOrder.OVERDUE, false, 0, 50));
        work.put(
                "overdue list, page 100",
                () -> queries.overdue(TaskFilter.overdue(null, null, null), OverdueOrder.OVERDUE, false, 99, 50));
        work.put(
                "overdue list, one unit, by urges",
                () -> queries.overdue(TaskFilter.overdue(null, "finance", null), OverdueOrder.URGES, false, 0, 50));
        work.put(
                "overdue list, one plan and level, by deadline",
                () -> queries.overdue(
                        TaskFilter.overdue("BENCH-07", null, EscalationLevel.WARNING),
                        OverdueOrder.DEADLINE,
                        true,
                        0,
                        50));
        work.put("unit scores, all plans", () -> queries.unitScores(null));

        String office = users.member("bench-office", DubanGroups.SUPERVISION_OFFICE);
        Http http = Http.as(rest, office);
        work.put("HTTP GET /api/me (HTTP and authentication alone)", () -> expectOk(http.get("/api/me")));
        work.put("HTTP GET /api/dashboard/overview", () -> expectOk(http.get("/api/dashboard/overview")));
        work.put("HTTP GET /api/dashboard/overdue", () -> expectOk(http.get("/api/dashboard/overdue")));

        Map<String, long[]> figures = new LinkedHashMap<>();
        work.forEach((name, call) -> figures.put(name, measure(call)));
        double reference = figures.get("Camunda TaskQuery.dueBefore(now).count()")[1] / 1e6;
        System.out.printf(
                "%n%-52s %9s %9s %14s%n", "query (" + ROUNDS + " rounds each)", "p50 ms", "p95 ms", "p95 / TaskQuery");
        figures.forEach((name, nanos) -> System.out.printf(
                "%-52s %9.2f %9.2f %14.2f%n", name, nanos[0] / 1e6, nanos[1] / 1e6, nanos[1] / 1e6 / reference));

        long export = System.nanoTime();
        int[] rows = new int[1];
        transaction.executeWithoutResult(
                status -> queries.ledger(new TaskFilter(null, null, null, null), row -> rows[0]++));
        System.out.printf(
                "%nLedger rows read for the .xlsx: %,d in %.2f s%n", rows[0], (System.nanoTime() - export) / 1e9);
        long download = System.nanoTime();
        byte[] xlsx =
                rest.withBasicAuth(office, TestUsers.PASSWORD).getForObject("/api/dashboard/ledger.xlsx", byte[].class);
        System.out.printf(
                "Ledger .xlsx of %,d tasks over HTTP: %.2f s, %,d bytes%n%n",
                TASKS, (System.nanoTime() - download) / 1e9, xlsx.length);
    }

    private void seed() {
        jdbc.update("""
                insert into duban.task_supervision (task_code, process_instance_id, state, deadline, escalation_level,
                    working_days_overdue, times_urged, plan_code, plan_title, task_title, lead_unit_ids,
                    support_unit_ids, missed_deadline, rectifications, closed_on, last_progress, last_progress_at)
                select 'BENCH-' || n, 'bench-instance-' || n,
                       case when n % 5 = 0 then 'OVERDUE' when n % 20 = 1 then 'DUE_SOON' when n % 20 = 3 then 'CLOSED'
                            when n % 20 = 7 then 'SUBMITTED' when n % 40 = 9 then 'RECTIFYING' else 'ON_TRACK' end,
                       case when n % 5 = 0 then current_date - (n % 90 + 1) else current_date + (n % 700 + 1) end,
                       case when n % 5 <> 0 then 'NONE' when n % 90 < 5 then 'REMINDER' when n % 90 < 15 then 'WARNING'
                            when n % 90 < 30 then 'CIRCULATED_CRITICISM' when n % 90 < 60 then 'ADMONITORY_TALK'
                            else 'ACCOUNTABILITY' end,
                       case when n % 5 = 0 then n % 90 + 1 else 0 end, n % 4,
                       'BENCH-' || lpad((n % 20)::text, 2, '0'), '压测计划' || (n % 20), '压测任务' || n,
                       array[(select id from duban.unit order by id offset (n % 33) limit 1)],
                       array[(select id from duban.unit order by id offset ((n + 7) % 33) limit 1)],
                       n % 5 = 0 or n % 60 = 3, (n % 11 = 0)::int, case when n % 20 = 3 then current_date - 3 end,
                       '第' || (n % 12 + 1) || '次进展：已完成阶段性工作', now() - (n % 30) * interval '1 day'
                from generate_series(1, ?) as n""", TASKS);
        jdbc.update("""
                insert into act_ru_task (id_, rev_, name_, priority_, create_time_, due_date_, suspension_state_)
                select 'bench-task-' || n, 1, '压测任务' || n, 50, now(),
                       case when n % 5 = 0 then now() - (n % 90 + 1) * interval '1 day'
                            else now() + (n % 700 + 1) * interval '1 day' end, 1
                from generate_series(1, ?) as n""", TASKS);
        counts.fold();
        // As autovacuum keeps them between folds (every 5 s, each delete leaves dead rows behind).
        jdbc.execute("vacuum analyze duban.task_state_delta");
        jdbc.execute("vacuum analyze duban.task_state_count");
        jdbc.execute("vacuum analyze duban.task_supervision");
        jdbc.execute("vacuum analyze act_ru_task");
    }

    private static long[] measure(Supplier<Object> call) {
        for (int i = 0; i < 20; i++) {
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
        assertThat(response.status()).isEqualTo(200);
        return response;
    }
}
