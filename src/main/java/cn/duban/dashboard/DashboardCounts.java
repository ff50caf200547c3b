package cn.duban.dashboard;

import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The overview's counts of tasks by plan, state and escalation level: the dashboard's own projection
 * ({@code duban.task_state_count} and {@code duban.task_state_delta}, V13). A trigger on supervision's table appends a
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

    /** Folds the deltas into the totals; returns how many deltas it folded. */
    @Transactional
    public int fold() {
        return jdbc.sql("""
                        with moved as (delete from duban.task_state_delta
                                       returning plan_code, state, escalation_level, delta),
                             summed as (select plan_code, state, escalation_level, sum(delta) as tasks, count(*) as n
                                        from moved group by plan_code, state, escalation_level),
                             folded as (insert into duban.task_state_count as total (plan_code, state, escalation_level,
                                                                                  tasks)
                                        select plan_code, state, escalation_level, tasks from summed
                                        on conflict (plan_code, state, escalation_level)
                                        do update set tasks = total.tasks + excluded.tasks)
                        select coalesce(sum(n), 0) from summed""").query(Integer.class).single();
    }

    /** How many tasks of a plan stand in a state at a level. */
    public record Count(String planCode, String state, String level, long tasks) {}
}
