package cn.duban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The daily supervision check of many tasks at once (a batch of the process 每日督办检查), set-based: the batch's tasks
 * are claimed for the day in one statement, checked in memory by the rules of {@link DeadlineCheck} (the escalation
 * ladder answered once per distinct input), and what changed is written in a few statements whatever the batch's
 * size: the reminders' once-only keys, the supervision steps, the notifications, the new states.
 *
 * <p>Each task is checked once a day: the claim takes only open tasks whose {@code last_checked_on} is before the day,
 * locks their rows, and the batch's last statement sets it to the day in the same transaction. A batch that fails
 * half-way leaves nothing behind and is retried whole; a second sweep on the same day, or another node's, finds
 * nothing left to claim (it waits for the first one's locks, then sees the day done).
 */
@Service
public class DailySweep {

    private final JdbcClient jdbc;
    private final DeadlineCheck deadlineCheck;
    private final StepBatch stepBatch;

    DailySweep(JdbcClient jdbc, DeadlineCheck deadlineCheck, StepBatch stepBatch) {
        this.jdbc = jdbc;
        this.deadlineCheck = deadlineCheck;
        this.stepBatch = stepBatch;
    }

    /**
     * The first task code of each batch of at most {@code size} open tasks of the scope not checked on {@code day}
     * yet, in code order.
     */
    public List<String> batchStarts(LocalDate day, int size, Scope scope) {
        return jdbc.sql("""
                        select task_code from (
                            select task_code, row_number() over (order by task_code) - 1 as n
                            from duban.task_supervision
                            where state not in ('SUBMITTED', 'CLOSED')
                              and (last_checked_on is null or last_checked_on < :day)
                              and (cardinality(:only::varchar[]) = 0 or task_code = any(:only::varchar[]))
                              and (cast(:plan as varchar) is null or plan_code = :plan)) due
                        where n % :size = 0 order by task_code""")
                .param("day", day)
                .param("size", size)
                .param("only", scope.taskCodes().toArray(String[]::new))
                .param("plan", scope.planCode())
                .query(String.class)
                .list();
    }

    /**
     * Claims the open tasks from {@code fromCode} (inclusive) to {@code toCode} (exclusive, null: to the end) not
     * checked on {@code day} yet, locking their rows until the batch's transaction ends; returns where each stands.
     */
    public List<TaskSupervision> claim(String fromCode, String toCode, LocalDate day, Scope scope) {
        return jdbc.sql("""
                        select task_code, process_instance_id, state, deadline, escalation_level, working_days_overdue,
                               times_urged, missed_deadline
                        from duban.task_supervision
                        where task_code >= :from and (cast(:to as varchar) is null or task_code < :to)
                          and state not in ('SUBMITTED', 'CLOSED')
                          and (last_checked_on is null or last_checked_on < :day)
                          and (cardinality(:only::varchar[]) = 0 or task_code = any(:only::varchar[]))
                          and (cast(:plan as varchar) is null or plan_code = :plan)
                        order by task_code
                        for update""")
                .param("from", fromCode)
                .param("to", toCode)
                .param("day", day)
                .param("only", scope.taskCodes().toArray(String[]::new))
                .param("plan", scope.planCode())
                .query(SupervisionRecord.ROW)
                .list();
    }

    /**
     * Checks the claimed tasks as {@link DeadlineCheck#check} checks one, and marks every claimed task checked on
     * {@code day} (also those {@code tasks} leaves out: their instance is not the sweep's to check). Returns what the
     * check found of each task checked, by task code.
     */
    public Map<String, DeadlineCheck.CheckResult> check(
            LocalDate day, List<TaskSupervision> claimed, List<DeadlineCheck.CheckedTask> tasks, Instant now) {
        Map<String, TaskSupervision> current = new HashMap<>();
        claimed.forEach(row -> current.put(row.taskCode(), row));
        StepBatch.BufferedSteps steps = new StepBatch.BufferedSteps(
                knownSteps(current.keySet()), deadlineCheck.escalation().latest());
        Map<String, DeadlineCheck.CheckResult> results = new HashMap<>();
        Map<String, String> caseStep = new HashMap<>();
        for (DeadlineCheck.CheckedTask task : tasks) {
            TaskSupervision before = current.get(task.taskCode());
            if (before == null) {
                continue;
            }
            DeadlineCheck.CheckResult result = deadlineCheck.evaluate(task, before, now, steps);
            results.put(task.taskCode(), result);
            if (result.opensCase()) {
                caseStep.put(
                        task.taskCode(), "ESCALATED:" + result.supervision().escalationLevel());
            }
        }
        Set<String> accepted = stepBatch.write(steps, now);
        caseStep.forEach((taskCode, step) -> {
            if (!accepted.contains(taskCode + '\u0000' + step)) {
                // Another transaction (a late report) took the step first, and with it the case.
                results.put(
                        taskCode,
                        new DeadlineCheck.CheckResult(results.get(taskCode).supervision(), null));
            }
        });
        save(day, claimed, results);
        return results;
    }

    private Set<String> knownSteps(Collection<String> taskCodes) {
        Set<String> known = new HashSet<>();
        jdbc.sql("select task_code, step from duban.supervision_reminder where task_code = any(?::varchar[])")
                .param(taskCodes.toArray(String[]::new))
                .query(rs -> {
                    known.add(rs.getString(1) + '\u0000' + rs.getString(2));
                });
        return known;
    }

    /** Every claimed task's new state (the claimed row as it was, for a task not checked), checked on the day. */
    private void save(LocalDate day, List<TaskSupervision> claimed, Map<String, DeadlineCheck.CheckResult> results) {
        if (claimed.isEmpty()) {
            return;
        }
        List<TaskSupervision> rows = claimed.stream()
                .map(row -> results.containsKey(row.taskCode())
                        ? results.get(row.taskCode()).supervision()
                        : row)
                .toList();
        jdbc.sql("""
                        update duban.task_supervision s
                        set state = u.state, deadline = u.deadline, escalation_level = u.level,
                            working_days_overdue = u.overdue, missed_deadline = s.missed_deadline or u.missed,
                            last_checked_on = :day,
                            updated_at = case when (s.state, s.deadline, s.escalation_level, s.working_days_overdue)
                                                   is distinct from (u.state, u.deadline, u.level, u.overdue)
                                              then now() else s.updated_at end
                        from unnest(:codes::varchar[], :states::varchar[], :deadlines::varchar[]::date[], :levels::varchar[],
                                    :overdue::integer[], :missed::boolean[])
                             as u (task_code, state, deadline, level, overdue, missed)
                        where s.task_code = u.task_code""")
                .param("day", day)
                .param("codes", rows.stream().map(TaskSupervision::taskCode).toArray(String[]::new))
                .param("states", rows.stream().map(row -> row.state().name()).toArray(String[]::new))
                .param(
                        "deadlines",
                        rows.stream().map(row -> row.deadline().toString()).toArray(String[]::new))
                .param(
                        "levels",
                        rows.stream().map(row -> row.escalationLevel().name()).toArray(String[]::new))
                .param(
                        "overdue",
                        rows.stream().map(TaskSupervision::workingDaysOverdue).toArray(Integer[]::new))
                .param(
                        "missed",
                        rows.stream().map(TaskSupervision::missedDeadline).toArray(Boolean[]::new))
                .update();
    }

    /**
     * Which open tasks a sweep checks: all of them (the morning's), or only the tasks named, or one plan's (an office's
     * re-check).
     *
     * @param taskCodes the tasks to check; empty: every task (of the plan, if one is named)
     * @param planCode the plan whose tasks to check, or null
     */
    public record Scope(List<String> taskCodes, String planCode) {

        public static Scope all() {
            return new Scope(List.of(), null);
        }
    }
}
