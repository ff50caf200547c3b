package cn.duban.indicator;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plans' indicators, who reports each, and every value reported (tables of V4 and V14). */
@Repository
class IndicatorStore {

    private static final String SELECT = """
            select i.id, i.plan_code, i.plan_title, i.period_start, i.period_end, i.report_cycle,
                   i.position, i.category, i.name, i.unit, i.baseline, i.target, i.binding, i.source,
                   a.unit_id as lead_unit_id, u.name as lead_unit_name,
                   v.value as latest_value, v.as_of as latest_as_of, v.reported_at as latest_reported_at
            from duban.plan_indicator_directory i
            left join duban.indicator_assignment a on a.indicator_id = i.id
            left join duban.unit_directory u on u.id = a.unit_id
            left join lateral (select x.value, x.as_of, x.reported_at from duban.indicator_value x
                               where x.indicator_id = i.id
                               order by x.as_of desc, x.reported_at desc, x.id desc limit 1) v on true
            """;

    /** The first key of the advisory locks that put the assignments of one indicator in a row ("INDI" in ASCII). */
    private static final int ONE_INDICATOR = 0x494e4449;

    private final JdbcClient jdbc;

    IndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Indicator> find(long id) {
        return jdbc.sql(SELECT + " where i.id = ?")
                .param(id)
                .query(Indicator.class)
                .optional();
    }

    List<Indicator> all() {
        return jdbc.sql(SELECT + " order by i.plan_code, i.position")
                .query(Indicator.class)
                .list();
    }

    List<Indicator> ofPlan(String planCode) {
        return jdbc.sql(SELECT + " where i.plan_code = ? order by i.position")
                .param(planCode)
                .query(Indicator.class)
                .list();
    }

    boolean planExists(String planCode) {
        return jdbc.sql("select count(*) from duban.plan_directory where code = ?")
                        .param(planCode)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Makes the assignments of one indicator wait for each other until the transaction ends (a PostgreSQL advisory
     * lock, so on every node), so that two assignments never start two reportings; false when there is no such
     * indicator. The indicator's row is the plan's (read through its published view), so it is not locked itself.
     */
    boolean lock(long id) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashint8(?))")
                .params(ONE_INDICATOR, id)
                .query((rs, row) -> null)
                .list();
        return jdbc.sql("select id from duban.plan_indicator_directory where id = ?")
                .param(id)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    void assign(long id, String unitId, String assignedBy, Instant at) {
        jdbc.sql("""
                        insert into duban.indicator_assignment (indicator_id, unit_id, assigned_by, assigned_at)
                        values (?, ?, ?, ?)
                        on conflict (indicator_id) do update
                        set unit_id = excluded.unit_id, assigned_by = excluded.assigned_by,
                            assigned_at = excluded.assigned_at""").params(id, unitId, assignedBy, Timestamp.from(at)).update();
    }

    void unassign(long id) {
        jdbc.sql("delete from duban.indicator_assignment where indicator_id = ?")
                .param(id)
                .update();
    }

    void recordValue(long id, ReportedValue reported, String unitId, String reportedBy, Instant at) {
        jdbc.sql("""
                        insert into duban.indicator_value (indicator_id, value, as_of, note, unit_id, reported_by,
                                                           reported_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, reported.value(), reported.asOf(), reported.note(), unitId, reportedBy, Timestamp.from(at))
                .update();
    }

    /** Every value reported for the indicator, the latest as-of date first. */
    List<ReportedRow> values(long id) {
        return jdbc.sql("""
                        select v.id, v.value, v.as_of, v.note, v.unit_id, u.name as unit_name, v.reported_by,
                               v.reported_at
                        from duban.indicator_value v left join duban.unit_directory u on u.id = v.unit_id
                        where v.indicator_id = ? order by v.as_of desc, v.reported_at desc, v.id desc""").param(id).query(ReportedRow.class).list();
    }

    /** One value as reported, for {@code GET /api/indicators/{id}/values}. */
    record ReportedRow(
            long id,
            BigDecimal value,
            LocalDate asOf,
            String note,
            String unitId,
            String unitName,
            String reportedBy,
            OffsetDateTime reportedAt) {}
}
