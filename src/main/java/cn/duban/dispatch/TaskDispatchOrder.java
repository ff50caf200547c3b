package cn.duban.dispatch;

import cn.duban.identity.Unit;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a plan-task instance needs to know about the plan task it carries: whether it is binding (约束性, weighs
 * on the escalation ladder), and the plan's own reminder cadence in working days (null: the configured default).
 * Lead units are every accountable unit in the order written: the first signs and consolidates, each of the others
 * (co-leads) signs for and reports its own part. A task may start later than dispatch ({@code startDate}, 2023年起;
 * null: at once), have milestones (several dated commitments, the last the deadline) and quantified targets.
 */
public record TaskDispatchOrder(
        String planCode,
        String planTitle,
        String taskCode,
        String section,
        String title,
        String text,
        List<Unit> leadUnits,
        List<Unit> supportUnits,
        List<Unit> implementingUnits,
        LocalDate deadline,
        ReportCycle reportCycle,
        boolean binding,
        Integer dueSoonWorkingDays,
        Integer overdueReminderWorkingDays,
        LocalDate startDate,
        List<Milestone> milestones,
        List<String> targets) {

    public TaskDispatchOrder {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** A dated commitment of the task: its due date and its words (到2023年底，完成…). */
    public record Milestone(LocalDate due, String text) {}

    /** A task without start date, milestones or targets. */
    public TaskDispatchOrder(
            String planCode,
            String planTitle,
            String taskCode,
            String section,
            String title,
            String text,
            List<Unit> leadUnits,
            List<Unit> supportUnits,
            List<Unit> implementingUnits,
            LocalDate deadline,
            ReportCycle reportCycle,
            boolean binding,
            Integer dueSoonWorkingDays,
            Integer overdueReminderWorkingDays) {
        this(
                planCode,
                planTitle,
                taskCode,
                section,
                title,
                text,
                leadUnits,
                supportUnits,
                implementingUnits,
                deadline,
                reportCycle,
                binding,
                dueSoonWorkingDays,
                overdueReminderWorkingDays,
                null,
                List.of(),
                List.of());
    }

    /** A task that is not binding, on the default cadence. */
    public TaskDispatchOrder(
            String planCode,
            String planTitle,
            String taskCode,
            String section,
            String title,
            String text,
            List<Unit> leadUnits,
            List<Unit> supportUnits,
            List<Unit> implementingUnits,
            LocalDate deadline,
            ReportCycle reportCycle) {
        this(
                planCode,
                planTitle,
                taskCode,
                section,
                title,
                text,
                leadUnits,
                supportUnits,
                implementingUnits,
                deadline,
                reportCycle,
                false,
                null,
                null);
    }
}
