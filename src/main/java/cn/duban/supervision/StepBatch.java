package cn.duban.supervision;

import cn.duban.notification.Notifications;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The steps of a check, written set-based: collected in memory ({@link BufferedSteps}), then written in a few
 * statements however many there are: the once-only keys, the steps whose key was new, their notifications. The daily
 * sweep writes a batch's steps so, and a task dispatched past its deadline the steps of its first check.
 */
@Component
class StepBatch {

    private final JdbcClient jdbc;
    private final SupervisionNotices notices;

    StepBatch(JdbcClient jdbc, SupervisionNotices notices) {
        this.jdbc = jdbc;
        this.notices = notices;
    }

    /**
     * The steps' once-only keys, then the steps whose key was new (a concurrent late report may have taken one),
     * then the notifications of those steps; returns the keys taken.
     */
    Set<String> write(BufferedSteps steps, Instant now) {
        List<PendingStep> pending = steps.pending;
        Set<String> accepted = new HashSet<>();
        if (pending.isEmpty()) {
            return accepted;
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql("""
                        insert into duban.supervision_reminder (task_code, step, sent_at)
                        select task_code, step, :at from unnest(:codes::varchar[], :steps::varchar[]) as s (task_code, step)
                        on conflict (task_code, step) do nothing
                        returning task_code, step""")
                .param("at", at)
                .param("codes", pending.stream().map(PendingStep::taskCode).toArray(String[]::new))
                .param("steps", pending.stream().map(PendingStep::key).toArray(String[]::new))
                .query(rs -> {
                    accepted.add(rs.getString(1) + '\u0000' + rs.getString(2));
                });
        List<PendingStep> events = pending.stream()
                .filter(step -> step.kind != null && accepted.contains(step.taskCode() + '\u0000' + step.key()))
                .toList();
        if (events.isEmpty()) {
            return accepted;
        }
        List<Notifications.GroupNotice> told = new ArrayList<>();
        jdbc.sql("""
                        with recorded as (
                            insert into duban.supervision_event (task_code, kind, level, reason, happened_at)
                            select task_code, kind, level, reason, :at
                            from unnest(:codes::varchar[], :kinds::varchar[], :levels::varchar[], :reasons::varchar[])
                                 with ordinality as e (task_code, kind, level, reason, n)
                            order by n
                            returning id, task_code, kind, reason)
                        select recorded.id, recorded.task_code, recorded.kind, recorded.reason,
                               array_to_string(s.lead_unit_ids, ',')
                        from recorded left join duban.task_supervision s on s.task_code = recorded.task_code""")
                .param("at", at)
                .param("codes", events.stream().map(PendingStep::taskCode).toArray(String[]::new))
                .param("kinds", events.stream().map(step -> step.kind.name()).toArray(String[]::new))
                .param(
                        "levels",
                        events.stream()
                                .map(step -> step.level == null ? null : step.level.name())
                                .toArray(String[]::new))
                .param("reasons", events.stream().map(step -> step.reason).toArray(String[]::new))
                .query(rs -> {
                    Notifications.GroupNotice notice = notices.notice(
                            rs.getLong(1),
                            rs.getString(2),
                            SupervisionEvent.Kind.valueOf(rs.getString(3)),
                            rs.getString(4),
                            rs.getString(5) == null ? "" : rs.getString(5));
                    if (notice != null) {
                        told.add(notice);
                    }
                });
        notices.tellAll(told);
        return accepted;
    }

    /** A step the batch's check took: its once-only key and, when it is recorded, the event. */
    private static final class PendingStep {
        private final String taskCode;
        private final String key;
        private SupervisionEvent.Kind kind;
        private EscalationLevel level;
        private String reason;

        PendingStep(String taskCode, String key) {
            this.taskCode = taskCode;
            this.key = key;
        }

        String taskCode() {
            return taskCode;
        }

        String key() {
            return key;
        }
    }

    /** A check's steps, collected in memory against the keys already taken before it. */
    static final class BufferedSteps implements DeadlineCheck.Steps {
        private final Set<String> known;
        private final EscalationDecision.Ladder ladder;
        private final List<PendingStep> pending = new ArrayList<>();

        BufferedSteps(Set<String> known, EscalationDecision.Ladder ladder) {
            this.known = known;
            this.ladder = ladder;
        }

        @Override
        public EscalationDecision.Ladder ladder() {
            return ladder;
        }

        @Override
        public boolean once(String taskCode, String key) {
            if (!known.add(taskCode + '\u0000' + key)) {
                return false;
            }
            pending.add(new PendingStep(taskCode, key));
            return true;
        }

        @Override
        public void event(String taskCode, SupervisionEvent.Kind kind, EscalationLevel level, String reason) {
            PendingStep step = pending.get(pending.size() - 1);
            if (!step.taskCode.equals(taskCode)) {
                throw new IllegalStateException("A step of " + taskCode + " without its once-only key");
            }
            step.kind = kind;
            step.level = level;
            step.reason = reason;
        }
    }
}
