package cn.duban.dashboard;

import cn.duban.calendar.StatutoryHolidays;
import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.identity.Unit;
import cn.duban.identity.UnitCatalog;
import cn.duban.supervision.EscalationLevel;
import cn.duban.supervision.SupervisionState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's queries on supervision's published read model, the view {@code duban.supervised_task} over the
 * table the workflow keeps in the engine's transaction (V20). The view is a plain projection, so PostgreSQL answers
 * every query here from that table and its indexes alone.
 */
@Repository
class DashboardQueries {

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final UnitCatalog units;
    private final DashboardCounts counts;
    private final WorkingDayCalendar calendar;
    private final StatutoryHolidays library;
    private final ZoneId zone;

    DashboardQueries(
            JdbcClient jdbc,
            DataSource dataSource,
            UnitCatalog units,
            DashboardCounts counts,
            WorkingDayCalendar calendar,
            StatutoryHolidays library,
            @Value("${duban.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.counts = counts;
        this.calendar = calendar;
        this.library = library;
        this.zone = zone;
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        // In a transaction, PostgreSQL's driver then reads a large result through a cursor, this many rows at a time.
        cursor.setFetchSize(500);
        this.streaming = JdbcClient.create(cursor);
        this.units = units;
    }

    Overview overview(String planCode) {
        Map<String, Map<String, Long>> perPlan = new LinkedHashMap<>();
        Map<String, Long> byLevel = new LinkedHashMap<>();
        Arrays.stream(EscalationLevel.values()).forEach(level -> byLevel.put(level.name(), 0L));
        counts.read(planCode, count -> {
            perPlan.computeIfAbsent(count.planCode(), code -> emptyStates())
                    .merge(count.state(), count.tasks(), Long::sum);
            if (SupervisionState.OVERDUE.name().equals(count.state())) {
                byLevel.merge(count.level(), count.tasks(), Long::sum);
            }
        });
        Map<String, String> titles = planTitles(perPlan.keySet());
        Map<String, Long> byState = emptyStates();
        List<Overview.PlanCounts> plans = new ArrayList<>();
        perPlan.forEach((code, states) -> {
            states.forEach((state, count) -> byState.merge(state, count, Long::sum));
            plans.add(new Overview.PlanCounts(code, titles.getOrDefault(code, code), sum(states), states));
        });
        return new Overview(sum(byState), byState, byLevel, plans, calendarNotices(planCode));
    }

    /**
     * The years whose holidays are not known although open tasks fall due in them, and this year or (from 1 December)
     * the coming one if not known. Only the deadlines outside the library's years are read.
     */
    /** The codes of the plan's supervised tasks. */
    List<String> taskCodes(String planCode) {
        return jdbc.sql("select task_code from duban.supervised_task where plan_code = ?")
                .param(planCode)
                .query(String.class)
                .list();
    }

    List<String> calendarNotices(String planCode) {
        int first = library.years().stream().min(Integer::compare).orElse(0);
        int last = library.years().stream().max(Integer::compare).orElse(0);
        Map<Integer, Long> openByYear = new TreeMap<>(counts.byDeadlineYearOutside(
                planCode, List.of("ON_TRACK", "DUE_SOON", "OVERDUE", "RECTIFYING", "SUBMITTED"), first, last));
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        openByYear.putIfAbsent(today.getYear(), 0L);
        if (today.getMonthValue() == 12) {
            openByYear.putIfAbsent(today.getYear() + 1, 0L);
        }
        List<String> notices = new ArrayList<>();
        openByYear.forEach((year, open) -> {
            if (!calendar.isYearCovered(year)) {
                notices.add(WorkingDayCalendar.missingYearNotice(year)
                        + (open > 0 ? "（" + open + "项未销号任务的完成时限在该年）" : "") + "，请督查办导入该年度节假日安排");
            }
        });
        return notices;
    }

    Page<OverdueItem> overdue(TaskFilter filter, OverdueOrder order, boolean ascending, int page, int size) {
        TaskFilter.Condition where = filter.condition();
        long total = filter.unitId() == null
                ? counted(filter)
                : jdbc.sql("select count(*) from duban.supervised_task s where " + where.sql())
                        .params(where.params())
                        .query(Long.class)
                        .single();
        Map<String, String> unitNames = unitNames();
        List<OverdueItem> items = jdbc.sql(
                        """
                        select s.task_code, s.task_title, s.plan_code, s.plan_title, s.lead_unit_ids, s.deadline,
                               s.working_days_overdue, s.escalation_level, s.times_urged, s.last_progress,
                               s.last_progress_at
                        from duban.supervised_task s where\s""" + where.sql() + " order by " + order.orderBy(ascending) + " limit :limit offset :offset")
                .params(where.params())
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> {
                    EscalationLevel level = EscalationLevel.valueOf(rs.getString(8));
                    return new OverdueItem(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            refs(ids(rs, 5), unitNames),
                            rs.getObject(6, LocalDate.class),
                            rs.getInt(7),
                            level.name(),
                            level.chineseName(),
                            rs.getInt(9),
                            rs.getString(10),
                            rs.getObject(11, OffsetDateTime.class));
                })
                .list();
        return new Page<>(total, page, size, items);
    }

    /** The number of tasks a filter without a unit takes, from the overview's counts rather than the rows. */
    private long counted(TaskFilter filter) {
        long[] total = new long[1];
        counts.read(filter.planCode(), count -> {
            if ((filter.state() == null || filter.state().name().equals(count.state()))
                    && (filter.level() == null || filter.level().name().equals(count.level()))) {
                total[0] += count.tasks();
            }
        });
        return total[0];
    }

    List<UnitScore> unitScores(String planCode) {
        TaskFilter.Condition where = new TaskFilter(planCode, null, null, null).condition();
        Map<String, String> unitNames = unitNames();
        return jdbc.sql("""
                        select lead.unit_id, count(*),
                               count(*) filter (where s.state = 'CLOSED'),
                               count(*) filter (where s.state = 'CLOSED' and not s.missed_deadline),
                               count(*) filter (where s.state <> 'CLOSED' and s.missed_deadline),
                               count(*) filter (where s.state = 'OVERDUE'),
                               coalesce(sum(s.times_urged), 0), coalesce(sum(s.rectifications), 0)
                        from duban.supervised_task s cross join lateral unnest(s.lead_unit_ids) as lead (unit_id)
                        where\s""" + where.sql() + " group by lead.unit_id order by lead.unit_id")
                .params(where.params())
                .query((rs, row) -> {
                    long closed = rs.getLong(3);
                    long onTime = rs.getLong(4);
                    long lateOpen = rs.getLong(5);
                    long counted = closed + lateOpen;
                    return new UnitScore(
                            rs.getString(1),
                            unitNames.getOrDefault(rs.getString(1), rs.getString(1)),
                            rs.getLong(2),
                            closed,
                            onTime,
                            lateOpen,
                            counted == 0 ? null : (double) onTime / counted,
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getLong(8));
                })
                .list();
    }

    /**
     * Every task the filter takes, in plan and code order, one at a time (the ledger can hold 100,000 rows); call it
     * in a transaction so that the rows come through a cursor.
     */
    void ledger(TaskFilter filter, Consumer<LedgerRow> rows) {
        TaskFilter.Condition where = filter.condition();
        Map<String, String> unitNames = unitNames();
        streaming
                .sql("""
                        select s.plan_code, s.plan_title, s.task_code, s.task_title, s.lead_unit_ids, s.support_unit_ids,
                               s.implementing_unit_ids, s.deadline, s.state, s.working_days_overdue,
                               s.escalation_level, s.times_urged, s.last_progress, s.last_progress_at, s.closed_on,
                               s.missed_deadline, s.rectifications,
                               coalesce(t.text, v.task_text), v.person, v.phone, v.result, v.returned_by,
                               v.return_reason
                        from duban.supervised_task s
                        left join duban.plan_task_directory t on t.code = s.task_code
                        -- What the units and the office wrote, as the engine's history keeps it (one row per
                        -- variable of the instance, through the history's index on the instance).
                        left join lateral (
                            select max(h.text_) filter (where h.name_ = 'taskText') as task_text,
                                   max(h.text_) filter (where h.name_ = 'responsiblePerson') as person,
                                   max(h.text_) filter (where h.name_ = 'contactPhone') as phone,
                                   max(h.text_) filter (where h.name_ = 'resultDescription') as result,
                                   max(h.text_) filter (where h.name_ = 'returnedBy') as returned_by,
                                   max(h.text_) filter (where h.name_ = 'returnReason') as return_reason
                            from public.act_hi_varinst h
                            where h.proc_inst_id_ = s.process_instance_id
                              and h.name_ in ('taskText', 'responsiblePerson', 'contactPhone', 'resultDescription',
                                              'returnedBy', 'returnReason')) v on true
                        where\s""" + where.sql() + " order by s.plan_code, s.task_code")
                .params(where.params())
                .query(rs -> {
                    rows.accept(new LedgerRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            names(ids(rs, 5), unitNames),
                            names(ids(rs, 6), unitNames),
                            names(ids(rs, 7), unitNames),
                            rs.getObject(8, LocalDate.class),
                            SupervisionState.valueOf(rs.getString(9)),
                            rs.getInt(10),
                            EscalationLevel.valueOf(rs.getString(11)),
                            rs.getInt(12),
                            rs.getString(13),
                            rs.getObject(14, OffsetDateTime.class),
                            rs.getObject(15, LocalDate.class),
                            rs.getBoolean(16),
                            rs.getInt(17),
                            rs.getString(18),
                            rs.getString(19),
                            rs.getString(20),
                            rs.getString(21),
                            remark(rs.getString(22), rs.getString(23))));
                });
    }

    /** The ledger's 备注: why the result last came back, and from whom. */
    private static String remark(String returnedBy, String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        return (returnedBy == null || returnedBy.isBlank() ? "退回" : returnedBy + "退回") + "：" + reason;
    }

    /** The plans that have supervised tasks, for the filters. */
    List<PlanRef> plans() {
        return jdbc.sql("""
                        select distinct on (s.plan_code) s.plan_code, s.plan_title from duban.supervised_task s
                        order by s.plan_code""")
                .query((rs, row) -> new PlanRef(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The units that lead at least one supervised task, for the filters. */
    List<UnitRef> leadUnits() {
        Map<String, String> unitNames = unitNames();
        return jdbc
                .sql("select distinct unnest(lead_unit_ids) as id from duban.supervised_task order by id")
                .query(String.class)
                .list()
                .stream()
                .map(id -> new UnitRef(id, unitNames.getOrDefault(id, id)))
                .toList();
    }

    List<UnitRef> refs(List<String> ids, Map<String, String> unitNames) {
        return ids.stream()
                .map(id -> new UnitRef(id, unitNames.getOrDefault(id, id)))
                .toList();
    }

    Map<String, String> unitNames() {
        return units.all().stream().collect(Collectors.toMap(Unit::id, Unit::name, (a, b) -> a));
    }

    private Map<String, String> planTitles(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        // One row per plan, found through the (plan_code, state) index: the "order by" keeps the planner on it (with
        // a bare "limit 1" it may scan the table for the first match, which for a small plan is far in).
        return jdbc
                .sql("""
                        select c.code, (select s.plan_title from duban.supervised_task s where s.plan_code = c.code
                                        order by s.plan_code, s.state limit 1)
                        from unnest(cast(:codes as varchar[])) as c (code)""")
                .param("codes", codes.toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<String> names(List<String> ids, Map<String, String> unitNames) {
        return ids.stream().map(id -> unitNames.getOrDefault(id, id)).toList();
    }

    private static List<String> ids(ResultSet rs, int column) throws SQLException {
        return SqlArrays.strings(rs.getArray(column));
    }

    private static Map<String, Long> emptyStates() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Arrays.stream(SupervisionState.values()).forEach(state -> counts.put(state.name(), 0L));
        return counts;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A plan as the dashboard names it. */
    record PlanRef(String code, String title) {}
}
