package cn.duban.assessment;

import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.indicator.IndicatorStandings;
import cn.duban.indicator.IndicatorStatus;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one assessment year from the supervision record: the tasks whose deadline in force falls in the year (in the
 * plans the year covers), their lead and implementing units, and per unit what the record holds. A lead unit answers
 * for the whole task (on time, overdue days, urges, rectifications, accountability cases, its missed progress
 * reports); an implementing county, city or park answers for the task's timeliness (on time, overdue days) and for its
 * own missed progress reports. Indicators count for the unit that reports them.
 */
@Component
class AssessmentRecord {

    private final JdbcClient jdbc;
    private final IndicatorStandings indicators;
    private final WorkingDayCalendar calendar;

    AssessmentRecord(JdbcClient jdbc, IndicatorStandings indicators, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.calendar = calendar;
    }

    /** One task of the year as the record holds it. */
    record YearTask(
            String taskCode,
            String processInstanceId,
            String planCode,
            String title,
            LocalDate deadline,
            String state,
            boolean missedDeadline,
            LocalDate closedOn,
            int timesUrged,
            int rectifications,
            List<String> leadUnits,
            List<String> implementingUnits) {

        boolean closedOnTime() {
            return state.equals("CLOSED") && !missedDeadline;
        }
    }

    /** The year's tasks, by code. */
    List<YearTask> tasks(int year, List<String> planCodes) {
        return jdbc.sql("""
                        select task_code, process_instance_id, plan_code, task_title, deadline, state, missed_deadline,
                               closed_on, times_urged, rectifications, lead_unit_ids, implementing_unit_ids
                        from duban.supervised_task
                        where deadline between :from and :to
                          and (cardinality(cast(:plans as varchar[])) = 0 or plan_code = any(cast(:plans as varchar[])))
                        order by task_code""")
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year, 12, 31))
                .param("plans", planCodes.toArray(String[]::new))
                .query((rs, row) -> new YearTask(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getInt(9),
                        rs.getInt(10),
                        strings(rs.getArray(11)),
                        strings(rs.getArray(12))))
                .list();
    }

    /**
     * The working days a task of the year was late, as of {@code asOf} (the scoring day, at the latest the year's last
     * day): closed late, from its deadline to its closure (销号); not closed and past its deadline in force, from the
     * deadline to {@code asOf}; otherwise none. Counted on the working-day calendar, whatever day the daily check ran.
     */
    int overdueWorkingDays(YearTask task, LocalDate asOf) {
        if (task.state().equals("CLOSED")) {
            return task.missedDeadline() && task.closedOn() != null
                    ? calendar.workingDaysBetween(task.deadline(), task.closedOn())
                    : 0;
        }
        boolean late = task.missedDeadline()
                || task.state().equals("OVERDUE")
                || asOf.isAfter(task.deadline()) && !task.state().equals("SUBMITTED");
        return late ? calendar.workingDaysBetween(task.deadline(), asOf) : 0;
    }

    /** Every unit with a task due in the year or an indicator to report, and what the record says of it. */
    Map<String, AssessmentFacts> facts(int year, List<String> planCodes, LocalDate today) {
        LocalDate asOf = today.isAfter(LocalDate.of(year, 12, 31)) ? LocalDate.of(year, 12, 31) : today;
        List<YearTask> tasks = tasks(year, planCodes);
        Map<String, Integer> cases = accountabilityCases(tasks);
        Map<String, List<String>> missed = missedReports(tasks);
        Map<String, String> names = unitNames();
        Map<String, AssessmentFacts> facts = new LinkedHashMap<>();
        for (YearTask task : tasks) {
            List<String> missedHere = missed.getOrDefault(task.taskCode(), List.of());
            int overdue = overdueWorkingDays(task, asOf);
            for (String unit : task.leadUnits()) {
                facts.merge(
                        unit,
                        new AssessmentFacts(
                                1,
                                task.closedOnTime() ? 1 : 0,
                                overdue,
                                task.timesUrged(),
                                task.rectifications(),
                                cases.getOrDefault(task.taskCode(), 0),
                                count(missedHere, names.get(unit)),
                                0,
                                0),
                        AssessmentFacts::plus);
            }
            for (String unit : task.implementingUnits()) {
                if (task.leadUnits().contains(unit)) {
                    continue;
                }
                facts.merge(
                        unit,
                        new AssessmentFacts(
                                1,
                                task.closedOnTime() ? 1 : 0,
                                overdue,
                                0,
                                0,
                                0,
                                count(missedHere, names.get(unit)),
                                0,
                                0),
                        AssessmentFacts::plus);
            }
        }
        for (IndicatorStandings.Standing indicator : indicators.of(planCodes)) {
            if (indicator.leadUnitId() == null) {
                continue;
            }
            boolean on = indicator.status() == IndicatorStatus.ON_TRACK;
            boolean off = indicator.status() == IndicatorStatus.OFF_TRACK;
            if (on || off) {
                facts.merge(
                        indicator.leadUnitId(),
                        new AssessmentFacts(0, 0, 0, 0, 0, 0, 0, on ? 1 : 0, off ? 1 : 0),
                        AssessmentFacts::plus);
            }
        }
        return facts;
    }

    /** Unit id → name and kind, for every unit in the catalog. */
    Map<String, String[]> units() {
        Map<String, String[]> units = new HashMap<>();
        jdbc.sql("select id, name, kind from duban.unit_directory").query(rs -> {
            units.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        });
        return units;
    }

    private Map<String, String> unitNames() {
        Map<String, String> names = new HashMap<>();
        units().forEach((id, row) -> names.put(id, row[0]));
        return names;
    }

    private Map<String, Integer> accountabilityCases(List<YearTask> tasks) {
        Map<String, Integer> cases = new HashMap<>();
        if (tasks.isEmpty()) {
            return cases;
        }
        jdbc.sql("""
                        select task_code, count(*) from duban.accountability_case_log where task_code = any(?)
                        group by task_code""")
                .param(tasks.stream().map(YearTask::taskCode).toArray(String[]::new))
                .query(rs -> {
                    cases.put(rs.getString(1), rs.getInt(2));
                });
        return cases;
    }

    /** The reasons of each task's 逾期未报进展 steps ("州财政局、昌吉市人民政府未按期报送进展"). */
    private Map<String, List<String>> missedReports(List<YearTask> tasks) {
        Map<String, List<String>> missed = new HashMap<>();
        if (tasks.isEmpty()) {
            return missed;
        }
        jdbc.sql("""
                        select task_code, reason from duban.supervision_event_log
                        where kind = 'PROGRESS_REPORT_MISSED' and task_code = any(?)""")
                .param(tasks.stream().map(YearTask::taskCode).toArray(String[]::new))
                .query(rs -> {
                    missed.computeIfAbsent(rs.getString(1), code -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return missed;
    }

    /** How many of the reasons name the unit among those who did not report. */
    private static int count(List<String> reasons, String unitName) {
        if (unitName == null) {
            return 0;
        }
        int count = 0;
        for (String reason : reasons) {
            String missing =
                    reason.endsWith("未按期报送进展") ? reason.substring(0, reason.length() - "未按期报送进展".length()) : reason;
            if (List.of(missing.split("、")).contains(unitName)) {
                count++;
            }
        }
        return count;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
