package cn.duban.dashboard;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview's counts of tasks by plan, state, escalation level and deadline year: the dashboard's own projection
 * ({@code duban.task_state_count} and {@code duban.task_state_delta}, V13, V120). A trigger on supervision's table appends a
 * delta for every change, in the engine's transaction; the counts are the folded totals plus the deltas not yet folded.
 * Folding ({@link DashboardCountsSchedule}) runs every few seconds on every node: one statement moves the deltas it
 * deletes into the totals, so two nodes never fold a delta twice.
 */
@Component
public class DashboardCounts {

    private final JdbcClient jdbc;

    DashboardCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every (plan, state, level) with its number of tasks; {@code planCode} null for all plans. */
    public void read(String planCode, Consumer<Count> counts) {
        String where = planCode == null ? "" : " where plan_code = :plan";
        JdbcClient.StatementSpec query = jdbc.sql("""
                select plan_code, state, escalation_level, sum(tasks) from (
                    select plan_code, state, escalation_level, tasks from duban.task_state_count""" + where + """

                    union all
                    select plan_code, state, escalation_level, delta from duban.task_state_delta""" + where + """

                ) c group by plan_code, state, escalation_level having sum(tasks) <> 0
                order by plan_code""");
        if (planCode != null) {
            query = query.param("plan", planCode);
        }
        query.query(rs -> {
            counts.accept(new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        });
    }

    /**
     * The tasks in {@code states} by the year of their deadline, for the years before {@code first} or after
     * {@code last}; {@code planCode} null for all plans. Tasks without a deadline are left out.
     */
    public Map<Integer, Long> byDeadlineYearOutside(String planCode, List<String> states, int first, int last) {
        Map<Integer, Long> years = new TreeMap<>();
        jdbc.sql("""
                        select deadline_year, sum(tasks) from (
                            select plan_code, state, deadline_year, tasks from duban.task_state_count
                            union all
                            select plan_code, state, deadline_year, delta from duban.task_state_delta
                        ) c where state in (:states) and deadline_year <> 0 and (deadline_year < :first or deadline_year > :last)
                          and (cast(:plan as varchar) is null or plan_code = :plan)
                        group by deadline_year having sum(tasks) <> 0""")
                .param("states", states)
                .param("first", first)
                .param("last", last)
                .param("plan", planCode)
                .query(rows -> {
                    years.put(rows.getInt(1), rows.getLong(2));
                });
        return years;
    }

    /** Folds the deltas into the totals; returns how many deltas it folded. */
    @Transactional
    public int fold() {
        return jdbc.sql("""
                        with moved as (delete from duban.task_state_delta
                                       returning plan_code, state, escalation_level, deadline_year, delta),
                             summed as (select plan_code, state, escalation_level, deadline_year, sum(delta) as tasks,
                                               count(*) as n
                                        from moved group by plan_code, state, escalation_level, deadline_year),
                             folded as (insert into duban.task_state_count as total (plan_code, state, escalation_level,
                                                                                  deadline_year, tasks)
                                        select plan_code, state, escalation_level, deadline_year, tasks from summed
                                        on conflict (plan_code, state, escalation_level, deadline_year)
                                        do update set tasks = total.tasks + excluded.tasks)
                        select coalesce(sum(n), 0) from summed""").query(Integer.class).single();
    }

    /** How many tasks of a plan stand in a state at a level. */
    public record Count(String planCode, String state, String level, long tasks) {}
}
