package cn.duban.dispatch;

import cn.duban.identity.Unit;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a plan-task instance needs to know about the plan task it carries: whether it is binding (约束性, weighs
 * on the escalation ladder), and the plan's own reminder cadence in working days (null: the configured default).
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
        Integer overdueReminderWorkingDays) {

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
