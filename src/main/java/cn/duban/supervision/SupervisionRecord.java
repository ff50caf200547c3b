package cn.duban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Duban's supervision tables: each task's state row and its record of supervision steps. */
@Repository
public class SupervisionRecord {

    /** A task's row, from its columns task_code, process_instance_id, state, deadline, escalation_level,
     * working_days_overdue, times_urged, missed_deadline, in that order. */
    static final RowMapper<TaskSupervision> ROW = (rs, row) -> new TaskSupervision(
            rs.getString(1),
            rs.getString(2),
            SupervisionState.valueOf(rs.getString(3)),
            rs.getObject(4, LocalDate.class),
            EscalationLevel.valueOf(rs.getString(5)),
            rs.getInt(6),
            rs.getInt(7),
            rs.getBoolean(8));

    private final JdbcClient jdbc;
    private final SupervisionNotices notices;

    SupervisionRecord(JdbcClient jdbc, SupervisionNotices notices) {
        this.jdbc = jdbc;
        this.notices = notices;
    }

    /** The dispatched task's row, standing as {@code state} says (its first check may have found it late). */
    void insert(SupervisedTask task, TaskSupervision state) {
        jdbc.sql("""
                        insert into duban.task_supervision (task_code, process_instance_id, state, deadline, plan_code,
                                                            plan_title, task_title, lead_unit_ids,
                                                            support_unit_ids, implementing_unit_ids,
                                                            escalation_level, working_days_overdue, missed_deadline)
                        values (:code, :instance, :state, :deadline, :plan, :planTitle, :title,
                                string_to_array(:leads, ','), string_to_array(:supports, ','),
                                string_to_array(:implementers, ','), :level, :overdue, :missed)""")
                .param("code", task.taskCode())
                .param("instance", task.processInstanceId())
                .param("state", state.state().name())
                .param("level", state.escalationLevel().name())
                .param("overdue", state.workingDaysOverdue())
                .param("missed", state.missedDeadline())
                .param("deadline", state.deadline())
                .param("plan", task.planCode())
                .param("planTitle", task.planTitle())
                .param("title", task.title())
                .param("leads", String.join(",", task.leadUnitIds()))
                .param("supports", String.join(",", task.supportUnitIds()))
                .param("implementers", String.join(",", task.implementingUnitIds()))
                .update();
    }

    void setUnits(String taskCode, List<String> leadUnitIds, List<String> supportUnitIds) {
        jdbc.sql("""
                        update duban.task_supervision set lead_unit_ids = string_to_array(?, ','),
                               support_unit_ids = string_to_array(?, ','), updated_at = now()
                        where task_code = ?""")
                .params(String.join(",", leadUnitIds), String.join(",", supportUnitIds), taskCode)
                .update();
    }

    void closedOn(String taskCode, LocalDate day) {
        jdbc.sql("update duban.task_supervision set closed_on = ? where task_code = ?")
                .params(day, taskCode)
                .update();
    }

    void countRectification(String taskCode) {
        jdbc.sql("update duban.task_supervision set rectifications = rectifications + 1 where task_code = ?")
                .param(taskCode)
                .update();
    }

    void lastProgress(String taskCode, String content, Instant at) {
        jdbc.sql("update duban.task_supervision set last_progress = ?, last_progress_at = ? where task_code = ?")
                .params(
                        content.length() > 300 ? content.substring(0, 299) + "…" : content,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                        taskCode)
                .update();
    }

    public Optional<TaskSupervision> find(String taskCode) {
        return jdbc.sql("""
                        select task_code, process_instance_id, state, deadline, escalation_level, working_days_overdue,
                               times_urged, missed_deadline
                        from duban.task_supervision where task_code = ?""").param(taskCode).query(ROW).optional();
    }

    void save(TaskSupervision supervision) {
        jdbc.sql("""
                        insert into duban.task_supervision (task_code, process_instance_id, state, deadline,
                                                            escalation_level, working_days_overdue, times_urged,
                                                            missed_deadline)
                        values (:code, :instance, :state, :deadline, :level, :overdue, :urged, :missed)
                        on conflict (task_code) do update set state = excluded.state, deadline = excluded.deadline,
                            escalation_level = excluded.escalation_level,
                            working_days_overdue = excluded.working_days_overdue,
                            times_urged = excluded.times_urged, updated_at = now(),
                            missed_deadline = task_supervision.missed_deadline or excluded.missed_deadline""")
                .param("code", supervision.taskCode())
                .param("instance", supervision.processInstanceId())
                .param("state", supervision.state().name())
                .param("deadline", supervision.deadline())
                .param("level", supervision.escalationLevel().name())
                .param("overdue", supervision.workingDaysOverdue())
                .param("urged", supervision.timesUrged())
                .param("missed", supervision.missedDeadline())
                .update();
    }

    public void event(
            String taskCode,
            SupervisionEvent.Kind kind,
            EscalationLevel level,
            String reason,
            String actor,
            Instant at) {
        Recorded recorded = record(taskCode, kind, level, reason, actor, at);
        if (recorded != null) {
            notices.tell(recorded.id(), taskCode, kind, reason, recorded.leadUnits());
        }
    }

    /** Records the step without telling anyone (the caller tells the units once for several steps). */
    Recorded eventUntold(
            String taskCode,
            SupervisionEvent.Kind kind,
            EscalationLevel level,
            String reason,
            String actor,
            Instant at) {
        return record(taskCode, kind, level, reason, actor, at);
    }

    private Recorded record(
            String taskCode,
            SupervisionEvent.Kind kind,
            EscalationLevel level,
            String reason,
            String actor,
            Instant at) {
        // The step and, in the same round trip, the lead units to tell of it.
        return jdbc.sql("""
                        with recorded as (
                            insert into duban.supervision_event (task_code, kind, level, reason, actor, happened_at)
                            values (:code, :kind, :level, :reason, :actor, :at) returning id)
                        select recorded.id, (select array_to_string(lead_unit_ids, ',') from duban.task_supervision
                                             where task_code = :code)
                        from recorded""")
                .param("code", taskCode)
                .param("kind", kind.name())
                .param("level", level == null ? null : level.name())
                .param("reason", reason)
                .param("actor", actor)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query((rs, row) -> new Recorded(rs.getLong(1), rs.getString(2) == null ? "" : rs.getString(2)))
                .optional()
                .orElse(null);
    }

    /** The title of each task, by code. */
    java.util.Map<String, String> titles(java.util.Collection<String> taskCodes) {
        return jdbc
                .sql(
                        "select task_code, task_title from duban.task_supervision where task_code = any(cast(:codes as varchar[]))")
                .param("codes", taskCodes.toArray(String[]::new))
                .query((rs, row) -> java.util.Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    void countUrge(String taskCode) {
        jdbc.sql(
                        "update duban.task_supervision set times_urged = times_urged + 1, updated_at = now() where task_code = ?")
                .param(taskCode)
                .update();
    }

    /** Records that the reminder step goes out now; false if it went out before (on any node). */
    boolean remindOnce(String taskCode, String step, Instant at) {
        return jdbc.sql("""
                        insert into duban.supervision_reminder (task_code, step, sent_at) values (?, ?, ?)
                        on conflict (task_code, step) do nothing""")
                        .params(taskCode, step, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /** The task's supervision steps, oldest first. */
    public List<SupervisionEvent> events(String taskCode) {
        return jdbc.sql("""
                        select kind, level, reason, actor, happened_at from duban.supervision_event
                        where task_code = ? order by happened_at, id""")
                .param(taskCode)
                .query((rs, row) -> new SupervisionEvent(
                        SupervisionEvent.Kind.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : EscalationLevel.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    record Recorded(long id, String leadUnits) {}
}
