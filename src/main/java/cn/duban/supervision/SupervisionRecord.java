package cn.duban.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Duban's supervision tables: each task's state row and its record of supervision steps. */
@Repository
public class SupervisionRecord {

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final SupervisionNotices notices;

    SupervisionRecord(JdbcClient jdbc, @Value("${duban.time-zone}") ZoneId zone, SupervisionNotices notices) {
        this.jdbc = jdbc;
        this.zone = zone;
        this.notices = notices;
    }

    void setLeadUnits(String taskCode, String leadUnitIds) {
        jdbc.sql("update duban.task_supervision set lead_units = ? where task_code = ?")
                .params(leadUnitIds == null ? "" : leadUnitIds, taskCode).update();
    }

    public Optional<TaskSupervision> find(String taskCode) {
        return jdbc.sql("""
                        select task_code, process_instance_id, state, deadline, escalation_level, working_days_overdue,
                               times_urged
                        from duban.task_supervision where task_code = ?""")
                .param(taskCode)
                .query((rs, row) -> new TaskSupervision(rs.getString(1), rs.getString(2),
                        SupervisionState.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                        EscalationLevel.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7)))
                .optional();
    }

    void save(TaskSupervision supervision) {
        jdbc.sql("""
                        insert into duban.task_supervision (task_code, process_instance_id, state, deadline,
                                                            escalation_level, working_days_overdue, times_urged)
                        values (:code, :instance, :state, :deadline, :level, :overdue, :urged)
                        on conflict (task_code) do update set state = excluded.state, deadline = excluded.deadline,
                            escalation_level = excluded.escalation_level,
                            working_days_overdue = excluded.working_days_overdue,
                            times_urged = excluded.times_urged, updated_at = now()""")
                .param("code", supervision.taskCode())
                .param("instance", supervision.processInstanceId())
                .param("state", supervision.state().name())
                .param("deadline", supervision.deadline())
                .param("level", supervision.escalationLevel().name())
                .param("overdue", supervision.workingDaysOverdue())
                .param("urged", supervision.timesUrged())
                .update();
    }

    void event(String taskCode, SupervisionEvent.Kind kind, EscalationLevel level, String reason, String actor,
            Instant at) {
        long id = jdbc.sql("""
                        insert into duban.supervision_event (task_code, kind, level, reason, actor, happened_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(taskCode, kind.name(), level == null ? null : level.name(), reason, actor,
                        OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Long.class).single();
        String leadUnits = jdbc.sql("select lead_units from duban.task_supervision where task_code = ?")
                .param(taskCode).query(String.class).optional().orElse("");
        notices.tell(id, taskCode, kind, reason, leadUnits);
    }

    void countUrge(String taskCode) {
        jdbc.sql("update duban.task_supervision set times_urged = times_urged + 1, updated_at = now() where task_code = ?")
                .param(taskCode).update();
    }

    boolean hasEventOn(String taskCode, SupervisionEvent.Kind kind, LocalDate day) {
        OffsetDateTime from = day.atStartOfDay(zone).toOffsetDateTime();
        return jdbc.sql("""
                        select count(*) from duban.supervision_event
                        where task_code = ? and kind = ? and happened_at >= ? and happened_at < ?""")
                .params(taskCode, kind.name(), from, from.plusDays(1))
                .query(Long.class).single() > 0;
    }

    /** The task's supervision steps, oldest first. */
    public List<SupervisionEvent> events(String taskCode) {
        return jdbc.sql("""
                        select kind, level, reason, actor, happened_at from duban.supervision_event
                        where task_code = ? order by happened_at, id""")
                .param(taskCode)
                .query((rs, row) -> new SupervisionEvent(SupervisionEvent.Kind.valueOf(rs.getString(1)),
                        rs.getString(2) == null ? null : EscalationLevel.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }
}
