package cn.duban.supervision;

import cn.duban.calendar.WorkingDayCalendar;
import cn.duban.identity.AsSystem;
import cn.duban.taskform.ChineseDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The daily supervision check of one task, in working days: 临期 a few working days before its deadline, 逾期 once
 * the deadline has passed, a reminder every few working days after that, and the escalation ladder's level, which
 * only ever rises. Every step is recorded with its time and reason.
 */
@Service
public class DeadlineCheck {

    private final SupervisionRecord record;
    private final WorkingDayCalendar calendar;
    private final EscalationDecision escalation;

    EscalationDecision escalation() {
        return escalation;
    }

    private final ZoneId zone;
    private final ReminderCadence defaultCadence;
    private final IdentityService identityService;
    private final StepBatch stepBatch;

    DeadlineCheck(
            SupervisionRecord record,
            WorkingDayCalendar calendar,
            EscalationDecision escalation,
            @Value("${duban.time-zone}") ZoneId zone,
            @Value("${duban.supervision.due-soon-working-days}") int dueSoonWorkingDays,
            @Value("${duban.supervision.overdue-reminder-working-days}") int reminderWorkingDays,
            IdentityService identityService,
            StepBatch stepBatch) {
        this.identityService = identityService;
        this.stepBatch = stepBatch;
        this.record = record;
        this.calendar = calendar;
        this.escalation = escalation;
        this.zone = zone;
        this.defaultCadence = new ReminderCadence(dueSoonWorkingDays, reminderWorkingDays);
    }

    /**
     * A task has just been dispatched to its lead units. It is on track, unless its deadline is already near or past:
     * then it is checked at once, as the next daily check would, so that the dashboard never shows a late task as
     * on track. Returns what that check found (whether the task reached a level that opens a case).
     */
    public CheckResult dispatched(SupervisedTask task, boolean binding, ReminderCadence cadence, Instant now) {
        TaskSupervision dispatched =
                TaskSupervision.dispatched(task.taskCode(), task.processInstanceId(), task.deadline());
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!today.isAfter(task.deadline()) && !isDueSoon(today, task.deadline(), cadence)) {
            record.insert(task, dispatched);
            return new CheckResult(dispatched, null);
        }
        // Checked in memory, then the row as the check leaves it, the steps and their notifications in three
        // statements. The ladder's decision is the system's doing, not the importer's.
        return AsSystem.call(identityService, () -> {
            StepBatch.BufferedSteps steps = new StepBatch.BufferedSteps(new HashSet<>(), escalation.latest());
            CheckResult checked = evaluate(
                    new CheckedTask(
                            task.taskCode(),
                            task.processInstanceId(),
                            task.deadline(),
                            true,
                            0,
                            binding,
                            0,
                            null,
                            cadence),
                    dispatched,
                    now,
                    steps);
            // The row first: the steps' notifications go to the lead units it names.
            record.insert(task, checked.supervision());
            Set<String> taken = stepBatch.write(steps, now);
            if (checked.opensCase()
                    && !taken.contains(task.taskCode() + '\u0000' + "ESCALATED:"
                            + checked.supervision().escalationLevel())) {
                // The step was taken before (a task code used again): so was its case.
                return new CheckResult(checked.supervision(), null);
            }
            return checked;
        });
    }

    /** The cadence of a plan that sets its own values (either may be null: the configured default). */
    public ReminderCadence cadence(Integer dueSoonWorkingDays, Integer overdueReminderWorkingDays) {
        return defaultCadence.withPlan(dueSoonWorkingDays, overdueReminderWorkingDays);
    }

    /** The task was given to other lead units; its support units are those left (a new lead supports no more). */
    public void leadUnitsChanged(String taskCode, List<String> leadUnitIds, List<String> supportUnitIds) {
        record.setUnits(taskCode, leadUnitIds, supportUnitIds);
    }

    /** A unit reported the task's progress (进展报送): the record keeps the step, the dashboard the latest report. */
    public void progressReported(String taskCode, String reason, String content, String actor, Instant at) {
        record.event(taskCode, SupervisionEvent.Kind.PROGRESS_REPORTED, null, reason, actor, at);
        record.lastProgress(taskCode, content, at);
    }

    /**
     * The lead unit has reported its result: the task is out of the units' hands, on time or not. How late the result
     * came (working days past the deadline) stays with the task through inspection and closure.
     */
    public void submitted(String taskCode, Instant now) {
        record.find(taskCode).ifPresent(task -> {
            LocalDate today = now.atZone(zone).toLocalDate();
            boolean late = today.isAfter(task.deadline());
            TaskSupervision submitted = task.with(
                    SupervisionState.SUBMITTED,
                    task.deadline(),
                    task.escalationLevel(),
                    late ? calendar.workingDaysBetween(task.deadline(), today) : 0);
            record.save(late ? submitted.deadlineMissed() : submitted);
        });
    }

    /** A leader sent the result back: the task is with the units again, on track or late against its deadline. */
    public void backWithUnits(String taskCode, Instant now) {
        record.find(taskCode).ifPresent(task -> {
            LocalDate today = now.atZone(zone).toLocalDate();
            SupervisionState state = today.isAfter(task.deadline())
                    ? SupervisionState.OVERDUE
                    : isDueSoon(today, task.deadline(), defaultCadence)
                            ? SupervisionState.DUE_SOON
                            : SupervisionState.ON_TRACK;
            record.save(task.with(state, task.deadline(), task.escalationLevel(), 0));
        });
    }

    /** The task was closed (销号). */
    public void closed(String taskCode, Instant at) {
        record.find(taskCode)
                .ifPresent(task -> record.save(task.with(
                        SupervisionState.CLOSED, task.deadline(), task.escalationLevel(), task.workingDaysOverdue())));
        record.closedOn(taskCode, at.atZone(zone).toLocalDate());
    }

    /**
     * 限期整改: inspection sent the result back with findings and a new deadline; falsified data is recorded as such
     * (the process then opens an accountability case). The rectification is tracked like the task, against the new
     * deadline.
     */
    public void rectificationOrdered(
            String taskCode,
            String processInstanceId,
            LocalDate newDeadline,
            String findings,
            boolean falsified,
            String orderedBy,
            Instant at) {
        TaskSupervision current = record.find(taskCode)
                .orElseGet(() -> TaskSupervision.dispatched(taskCode, processInstanceId, newDeadline));
        record.save(current.with(SupervisionState.RECTIFYING, newDeadline, current.escalationLevel(), 0));
        record.countRectification(taskCode);
        record.event(
                taskCode,
                SupervisionEvent.Kind.RECTIFICATION_ORDERED,
                null,
                "限期整改，整改期限" + ChineseDates.of(newDeadline) + "：" + findings,
                orderedBy,
                at);
        if (falsified) {
            record.event(taskCode, SupervisionEvent.Kind.FALSIFICATION_FOUND, null, "数据不实：" + findings, orderedBy, at);
        }
    }

    /** Records a step of the task's supervision record that the workflow took. */
    public void recordStep(String taskCode, SupervisionEvent.Kind kind, String reason, String actor, Instant at) {
        record.event(taskCode, kind, null, reason, actor, at);
    }

    /** An approved extension: the task's deadline moves; the level it reached stays. */
    public void extended(String taskCode, LocalDate newDeadline, String reason, String approvedBy, Instant at) {
        record.find(taskCode)
                .ifPresent(task -> record.save(task.with(
                        task.state() == SupervisionState.OVERDUE ? SupervisionState.ON_TRACK : task.state(),
                        newDeadline,
                        task.escalationLevel(),
                        0)));
        record.event(
                taskCode,
                SupervisionEvent.Kind.EXTENSION_APPROVED,
                null,
                "延期至" + ChineseDates.of(newDeadline) + "：" + reason,
                approvedBy,
                at);
    }

    /** Whether the task's record already shows it 逾期 (the daily check, or a late report, recorded the step). */
    public boolean recordedOverdue(String taskCode) {
        return record.find(taskCode)
                .map(task -> task.state() == SupervisionState.OVERDUE)
                .orElse(false);
    }

    /** 临期: the deadline (not yet passed) is this few working days away. */
    private boolean isDueSoon(LocalDate today, LocalDate deadline, ReminderCadence cadence) {
        return calendar.isWithinWorkingDays(today, deadline, cadence.dueSoonWorkingDays());
    }

    /**
     * The daily check of one task. The result says, besides the task's new state, why an accountability case is due
     * (the task just reached a level whose rule opens one), or null; opening it is the process's next step.
     */
    public CheckResult check(CheckedTask task, Instant now) {
        return check(
                record.find(task.taskCode())
                        .orElseGet(() ->
                                TaskSupervision.dispatched(task.taskCode(), task.processInstanceId(), task.deadline())),
                task,
                now);
    }

    private CheckResult check(TaskSupervision current, CheckedTask task, Instant now) {
        CheckResult checked = evaluate(task, current, now, new RecordedSteps(record, escalation.latest(), now));
        record.save(checked.supervision());
        return checked;
    }

    /**
     * The rules of the daily check, for a task standing at {@code current}: its new state, and the steps it takes
     * (each guarded once by its reminder key), written through {@code steps}.
     */
    CheckResult evaluate(CheckedTask task, TaskSupervision current, Instant now, Steps steps) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (!task.withUnits()) {
            return new CheckResult(
                    // Out of the units' hands: the days it was late when reported stay as they were.
                    current.with(
                            SupervisionState.SUBMITTED,
                            task.deadline(),
                            current.escalationLevel(),
                            current.workingDaysOverdue()),
                    null);
        } else if (!today.isAfter(task.deadline()) && task.earliestMissedReportDue() == null) {
            return new CheckResult(beforeDeadline(task, current, today, steps), null);
        } else {
            return overdue(task, current, today, steps);
        }
    }

    private TaskSupervision beforeDeadline(CheckedTask task, TaskSupervision current, LocalDate today, Steps steps) {
        if (current.state() == SupervisionState.RECTIFYING) {
            return current.with(SupervisionState.RECTIFYING, task.deadline(), current.escalationLevel(), 0);
        }
        if (!isDueSoon(today, task.deadline(), task.cadence())) {
            return current.with(SupervisionState.ON_TRACK, task.deadline(), current.escalationLevel(), 0);
        }
        // The state is the truth any day; the reminder goes out on the first working day, once per deadline.
        if (calendar.isWorkingDay(today) && steps.once(task.taskCode(), "DUE_SOON:" + task.deadline())) {
            int remaining = calendar.workingDaysBetween(today, task.deadline());
            steps.event(
                    task.taskCode(),
                    SupervisionEvent.Kind.DUE_SOON,
                    null,
                    "临期提醒：距完成时限（" + ChineseDates.of(task.deadline()) + "）还有" + remaining + "个工作日");
        }
        return current.with(SupervisionState.DUE_SOON, task.deadline(), current.escalationLevel(), 0);
    }

    /** Past the deadline, or a progress report not in by its due date, which counts like an overdue item. */
    private CheckResult overdue(CheckedTask task, TaskSupervision current, LocalDate today, Steps steps) {
        boolean pastDeadline = today.isAfter(task.deadline());
        int overdue = Math.max(
                pastDeadline ? calendar.workingDaysBetween(task.deadline(), today) : 0,
                task.earliestMissedReportDue() == null
                        ? 0
                        : calendar.workingDaysBetween(task.earliestMissedReportDue(), today));
        // Once per deadline (or missed report), even when a late report and the daily check run side by side.
        if (current.state() != SupervisionState.OVERDUE
                && steps.once(
                        task.taskCode(),
                        pastDeadline
                                ? "OVERDUE:" + task.deadline()
                                : "OVERDUE:REPORT:" + task.earliestMissedReportDue())) {
            steps.event(
                    task.taskCode(),
                    SupervisionEvent.Kind.OVERDUE,
                    null,
                    pastDeadline
                            ? "已超过完成时限（" + ChineseDates.of(task.deadline()) + "），任务逾期"
                            : "进展报送逾期（应于" + ChineseDates.of(task.earliestMissedReportDue()) + "前报送），按逾期事项督办");
        } else if (overdue >= task.cadence().overdueReminderWorkingDays()
                && calendar.isWorkingDay(today)
                && steps.once(
                        task.taskCode(),
                        "OVERDUE_REMINDER:" + task.deadline() + ":"
                                + overdue / task.cadence().overdueReminderWorkingDays())) {
            // Round n goes out on the first working day with n × cadence working days overdue, once.
            steps.event(task.taskCode(), SupervisionEvent.Kind.OVERDUE_REMINDER, null, "逾期提醒：已逾期" + overdue + "个工作日");
        }
        EscalationDecision.Decided decided =
                steps.ladder().decide(overdue, task.timesUrged(), task.binding(), task.earlierRectifications());
        EscalationLevel level = current.escalationLevel().raisedTo(decided.level());
        String caseReason = null;
        if (level != current.escalationLevel() && steps.once(task.taskCode(), "ESCALATED:" + level)) {
            // The level rose to the decided one: the rule's name, reason and whether it opens a case apply.
            String reason = decided.levelName() + "：" + decided.reason() + "（逾期" + overdue + "个工作日，催办"
                    + task.timesUrged() + "次）";
            steps.event(task.taskCode(), SupervisionEvent.Kind.ESCALATED, level, reason);
            caseReason = decided.opensCase() ? reason : null;
        }
        TaskSupervision checked = current.with(SupervisionState.OVERDUE, task.deadline(), level, overdue);
        return new CheckResult(pastDeadline ? checked.deadlineMissed() : checked, caseReason);
    }

    /**
     * Where the check's steps go (each is guarded by a key that lets it happen once, then recorded), and the version
     * of the escalation ladder that decides.
     */
    interface Steps {

        EscalationDecision.Ladder ladder();

        /** Whether the step with this key happens now (it never happened before); the next event belongs to it. */
        boolean once(String taskCode, String key);

        void event(String taskCode, SupervisionEvent.Kind kind, EscalationLevel level, String reason);
    }

    /** One task's steps written as they happen (the check of one instance, in its own transaction). */
    private record RecordedSteps(SupervisionRecord record, EscalationDecision.Ladder ladder, Instant now)
            implements Steps {

        @Override
        public boolean once(String taskCode, String key) {
            return record.remindOnce(taskCode, key, now);
        }

        @Override
        public void event(String taskCode, SupervisionEvent.Kind kind, EscalationLevel level, String reason) {
            record.event(taskCode, kind, level, reason, null, now);
        }
    }

    /**
     * What the check needs to know of a task.
     *
     * @param earliestMissedReportDue the due day of the oldest progress report not yet in after its due date, or null
     * @param cadence the task's plan's reminder cadence
     */
    public record CheckedTask(
            String taskCode,
            String processInstanceId,
            LocalDate deadline,
            boolean withUnits,
            int timesUrged,
            boolean binding,
            int earlierRectifications,
            LocalDate earliestMissedReportDue,
            ReminderCadence cadence) {}

    /**
     * What a check found.
     *
     * @param accountabilityReason why an accountability case is due now (the escalation step's reason), or null
     */
    public record CheckResult(TaskSupervision supervision, String accountabilityReason) {

        public boolean opensCase() {
            return accountabilityReason != null;
        }
    }
}
