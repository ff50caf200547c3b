package cn.duban.statistics;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Statistics by period from the supervision record (read only): a task counts as dispatched on the Beijing day its
 * process started, closed on its 销号 day, on time when closed by its deadline in force without having missed one, and
 * overdue at the period's end when its deadline day passed before the end and it was not closed by then. Urges,
 * rectifications and accountability cases count by the day they happened. A task counts for each of its lead units.
 */
@Service
class Statistics {

    static final int TREND_PERIODS = 12;

    private final JdbcClient jdbc;
    private final TrafficLights lights;
    private final ZoneId zone;

    Statistics(JdbcClient jdbc, TrafficLights lights, @Value("${duban.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.lights = lights;
        this.zone = zone;
    }

    Report report(Period period, String planCode) {
        Map<String, String> unitNames = unitNames();
        List<TaskRow> rows = rows(period, planCode);
        Counts totals = Counts.ZERO;
        Map<String, Line> byPlan = new LinkedHashMap<>();
        Map<String, Line> byUnit = new LinkedHashMap<>();
        Map<String, int[]> unitLights = new LinkedHashMap<>();
        TrafficLights.Rules rules = lights.rules();
        List<TaskLight> taskLights = new ArrayList<>();
        for (TaskRow row : rows) {
            Counts counts = row.counts();
            totals = totals.plus(counts);
            byPlan.merge(
                    row.planCode(),
                    new Line(row.planCode(), row.planTitle(), counts, null, null, null),
                    (a, b) -> a.plus(b.counts()));
            TrafficLights.Light light =
                    rules.ofTask(row.state(), row.late(), row.timesUrged(), row.workingDaysOverdue());
            List<String> leadNames = new ArrayList<>();
            for (String unit : row.leadUnitIds()) {
                String name = unitNames.getOrDefault(unit, unit);
                leadNames.add(name);
                byUnit.merge(unit, new Line(unit, name, counts, null, null, null), (a, b) -> a.plus(b.counts()));
                if (row.open()) {
                    int[] tally = unitLights.computeIfAbsent(unit, u -> new int[3]);
                    tally[0]++;
                    tally[1] += "RED".equals(light.light()) ? 1 : 0;
                    tally[2] += "YELLOW".equals(light.light()) ? 1 : 0;
                }
            }
            if (row.current()) {
                taskLights.add(new TaskLight(
                        row.taskCode(),
                        row.taskTitle(),
                        row.planTitle(),
                        String.join("、", leadNames),
                        row.stateName(),
                        row.deadline(),
                        row.timesUrged(),
                        light.light(),
                        light.name(),
                        light.reason()));
            }
        }
        List<Line> units = new ArrayList<>();
        for (Line line : byUnit.values()) {
            int[] tally = unitLights.getOrDefault(line.key(), new int[3]);
            TrafficLights.Light light = rules.ofUnit(tally[0], tally[1], tally[2]);
            units.add(new Line(line.key(), line.name(), line.counts(), light.light(), light.name(), light.reason()));
        }
        units.sort(Comparator.comparing((Line l) -> rank(l.light())).thenComparing(Line::key));
        taskLights.sort(Comparator.comparing((TaskLight t) -> rank(t.light())).thenComparing(TaskLight::taskCode));
        List<TrendPoint> trend = new ArrayList<>();
        Period p = period;
        for (int i = 0; i < TREND_PERIODS; i++) {
            trend.add(new TrendPoint(p.key(), p.label(), i == 0 ? totals : totals(p, planCode)));
            p = p.previous();
        }
        Collections.reverse(trend);
        return new Report(
                new PeriodView(
                        period.kind().name().toLowerCase(),
                        period.key(),
                        period.label(),
                        period.start(),
                        period.end().minusDays(1)),
                planCode,
                totals,
                List.copyOf(byPlan.values()),
                units,
                trend,
                taskLights);
    }

    private static int rank(String light) {
        return light == null
                ? 3
                : switch (light) {
                    case "RED" -> 0;
                    case "YELLOW" -> 1;
                    default -> 2;
                };
    }

    private Counts totals(Period period, String planCode) {
        return rows(period, planCode).stream().map(TaskRow::counts).reduce(Counts.ZERO, Counts::plus);
    }

    /** One row per task dispatched before the period's end (of the plan, if given), with its period's counts. */
    private List<TaskRow> rows(Period period, String planCode) {
        return jdbc.sql("""
                        with t as (
                            select s.task_code, s.task_title, s.plan_code, s.plan_title, s.lead_unit_ids, s.deadline,
                                   s.closed_on, s.missed_deadline, s.state, s.times_urged, s.working_days_overdue,
                                   (p.start_time_ at time zone :zone)::date as dispatched_on
                            from duban.supervised_task s
                            join public.act_hi_procinst p on p.id_ = s.process_instance_id
                            where (cast(:plan as varchar) is null or s.plan_code = :plan)
                        ), e as (
                            select task_code,
                                   count(*) filter (where kind = 'URGED') as urges,
                                   count(*) filter (where kind = 'RECTIFICATION_ORDERED') as rectifications,
                                   count(*) filter (where kind = 'ACCOUNTABILITY_OPENED') as cases
                            from duban.supervision_event_log
                            where (happened_at at time zone :zone)::date >= :start
                              and (happened_at at time zone :zone)::date < :end
                              and kind in ('URGED', 'RECTIFICATION_ORDERED', 'ACCOUNTABILITY_OPENED')
                            group by task_code
                        )
                        select t.*, coalesce(e.urges, 0), coalesce(e.rectifications, 0), coalesce(e.cases, 0)
                        from t left join e on e.task_code = t.task_code
                        where t.dispatched_on < :end
                        order by t.task_code""")
                .param("zone", zone.getId())
                .param("plan", planCode)
                .param("start", period.start())
                .param("end", period.end())
                .query((rs, n) -> {
                    LocalDate dispatchedOn = rs.getObject("dispatched_on", LocalDate.class);
                    LocalDate deadline = rs.getObject("deadline", LocalDate.class);
                    LocalDate closedOn = rs.getObject("closed_on", LocalDate.class);
                    boolean missed = rs.getBoolean("missed_deadline");
                    boolean dispatched = !dispatchedOn.isBefore(period.start());
                    boolean closed =
                            closedOn != null && !closedOn.isBefore(period.start()) && closedOn.isBefore(period.end());
                    boolean onTime = closed && !missed && !closedOn.isAfter(deadline);
                    boolean overdueAtEnd =
                            deadline.isBefore(period.end()) && (closedOn == null || !closedOn.isBefore(period.end()));
                    Counts counts = new Counts(
                            dispatched ? 1 : 0,
                            closed ? 1 : 0,
                            onTime ? 1 : 0,
                            overdueAtEnd ? 1 : 0,
                            rs.getInt(13),
                            rs.getInt(14),
                            rs.getInt(15));
                    String state = rs.getString("state");
                    return new TaskRow(
                            rs.getString("task_code"),
                            rs.getString("task_title"),
                            rs.getString("plan_code"),
                            rs.getString("plan_title"),
                            strings(rs.getArray("lead_unit_ids")),
                            deadline,
                            state,
                            missed,
                            rs.getInt("times_urged"),
                            rs.getInt("working_days_overdue"),
                            closedOn == null || !closedOn.isBefore(period.start()),
                            !"CLOSED".equals(state),
                            closedOn,
                            counts);
                })
                .list();
    }

    private Map<String, String> unitNames() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from duban.unit_directory")
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null
                ? List.of()
                : Arrays.stream((Object[]) array.getArray())
                        .map(String::valueOf)
                        .toList();
    }

    private record TaskRow(
            String taskCode,
            String taskTitle,
            String planCode,
            String planTitle,
            List<String> leadUnitIds,
            LocalDate deadline,
            String state,
            boolean missedDeadline,
            int timesUrged,
            int workingDaysOverdue,
            boolean current,
            boolean open,
            LocalDate closedOn,
            Counts counts) {

        /** Missed a deadline, or closed after it. */
        boolean late() {
            return missedDeadline || !open && closedOn != null && closedOn.isAfter(deadline);
        }

        String stateName() {
            return cn.duban.supervision.SupervisionState.valueOf(state).chineseName();
        }
    }

    /** The page's figures for one period. */
    record Report(
            PeriodView period,
            String plan,
            Counts totals,
            List<Line> byPlan,
            List<Line> byUnit,
            List<TrendPoint> trend,
            List<TaskLight> tasks) {}

    record PeriodView(String kind, String key, String label, LocalDate firstDay, LocalDate lastDay) {}

    /** A plan's or a unit's counts; a unit also has its light. */
    record Line(String key, String name, Counts counts, String light, String lightName, String lightReason) {

        Line plus(Counts more) {
            return new Line(key, name, counts.plus(more), light, lightName, lightReason);
        }
    }

    record TrendPoint(String key, String label, Counts counts) {}

    /** A task's light: tasks open at the period's start or closed in it (older closed tasks are left out). */
    record TaskLight(
            String taskCode,
            String title,
            String planTitle,
            String leadUnits,
            String state,
            LocalDate deadline,
            int timesUrged,
            String light,
            String lightName,
            String reason) {}
}
