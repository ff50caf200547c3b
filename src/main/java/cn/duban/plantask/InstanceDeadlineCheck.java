package cn.duban.plantask;

import cn.duban.supervision.DeadlineCheck;
import cn.duban.supervision.SupervisedTask;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The supervision check of one plan-task instance: hands the task's deadline, its urges and returns, and whether it
 * is still with the units, to {@link DeadlineCheck}, on the engine's clock. What the check found about accountability
 * is left on the execution (a transient {@link PlanTaskVariables#ACCOUNTABILITY_REASON}) for the model's gateway
 * 启动问责？.
 */
@Service
class InstanceDeadlineCheck {

    private final DeadlineCheck deadlineCheck;
    private final UnitIds unitIds = new UnitIds();
    private final ZoneId zone;

    InstanceDeadlineCheck(DeadlineCheck deadlineCheck, @Value("${duban.time-zone}") ZoneId zone) {
        this.deadlineCheck = deadlineCheck;
        this.zone = zone;
    }

    /**
     * The dispatched task gets its supervision record; a deadline already near or past is checked at once, as the next
     * daily check would (纳入督办).
     */
    void dispatched(DelegateExecution execution) {
        PlanTaskVariables.Reader v = new PlanTaskVariables.Reader(execution);
        SupervisedTask task = new SupervisedTask(
                v.string(PlanTaskVariables.TASK_CODE),
                execution.getProcessInstanceId(),
                v.string(PlanTaskVariables.PLAN_CODE),
                v.string(PlanTaskVariables.PLAN_TITLE),
                v.string(PlanTaskVariables.TASK_TITLE),
                ((Date) execution.getVariable(PlanTaskVariables.DEADLINE))
                        .toInstant()
                        .atZone(zone)
                        .toLocalDate(),
                unitIds.split(v.string(PlanTaskVariables.LEAD_UNITS)),
                unitIds.split(v.string(PlanTaskVariables.SUPPORT_UNITS)),
                unitIds.split(v.string(PlanTaskVariables.IMPLEMENTING_UNITS)));
        noteAccountability(
                execution,
                deadlineCheck.dispatched(
                        task,
                        Boolean.TRUE.equals(execution.getVariable(PlanTaskVariables.BINDING)),
                        deadlineCheck.cadence(
                                v.number(PlanTaskVariables.DUE_SOON_WORKING_DAYS),
                                v.number(PlanTaskVariables.OVERDUE_REMINDER_WORKING_DAYS)),
                        ClockUtil.getCurrentTime().toInstant()));
    }

    /** The daily check (event sub-process 每日督办检查). */
    void daily(DelegateExecution execution) {
        List<String> active = execution
                .getProcessEngineServices()
                .getRuntimeService()
                .getActiveActivityIds(execution.getProcessInstanceId());
        noteAccountability(execution, check(execution, active, UnitSteps.isWithUnits(active)));
    }

    /**
     * The lead unit reports its result after the deadline, before the daily check has recorded the task 逾期 (the
     * check was late: the node that held it died and its lock had not expired yet, or the job executor was behind).
     * The check runs now, in the report's transaction, as if the task were still with the units: the task turns 逾期
     * and climbs the ladder as the daily check would have made it; a check that already did so is not repeated.
     */
    void lateReport(DelegateExecution execution) {
        Date deadline = (Date) execution.getVariable(PlanTaskVariables.DEADLINE);
        String taskCode = (String) execution.getVariable(PlanTaskVariables.TASK_CODE);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        DeadlineCheck.CheckResult result = null;
        if (deadline != null
                && taskCode != null
                && now.atZone(zone)
                        .toLocalDate()
                        .isAfter(deadline.toInstant().atZone(zone).toLocalDate())
                && !deadlineCheck.recordedOverdue(taskCode)) {
            result = check(
                    execution,
                    execution
                            .getProcessEngineServices()
                            .getRuntimeService()
                            .getActiveActivityIds(execution.getProcessInstanceId()),
                    true);
        }
        noteAccountability(execution, result);
    }

    /** Leaves why a case is due (or null) on the execution, for this transaction only. */
    static void noteAccountability(DelegateExecution execution, DeadlineCheck.CheckResult result) {
        execution.setVariableLocal(
                PlanTaskVariables.ACCOUNTABILITY_REASON,
                Variables.stringValue(result == null ? null : result.accountabilityReason(), true));
    }

    private DeadlineCheck.CheckResult check(DelegateExecution execution, List<String> active, boolean withUnits) {
        Date deadline = (Date) execution.getVariable(PlanTaskVariables.DEADLINE);
        return deadlineCheck.check(
                new DeadlineCheck.CheckedTask(
                        (String) execution.getVariable(PlanTaskVariables.TASK_CODE),
                        execution.getProcessInstanceId(),
                        deadline.toInstant().atZone(zone).toLocalDate(),
                        withUnits,
                        number(execution.getVariable(PlanTaskVariables.TIMES_URGED)),
                        Boolean.TRUE.equals(execution.getVariable(PlanTaskVariables.BINDING)),
                        number(execution.getVariable(PlanTaskVariables.RETURN_COUNT)),
                        active.contains(PlanTaskProcess.REPORT_PROGRESS) ? earliestMissedReport(execution) : null,
                        deadlineCheck.cadence(
                                optionalNumber(execution.getVariable(PlanTaskVariables.DUE_SOON_WORKING_DAYS)),
                                optionalNumber(
                                        execution.getVariable(PlanTaskVariables.OVERDUE_REMINDER_WORKING_DAYS)))),
                ClockUtil.getCurrentTime().toInstant());
    }

    /** The due day of the oldest progress report still not in after its due date, or null. */
    private LocalDate earliestMissedReport(DelegateExecution execution) {
        Date now = ClockUtil.getCurrentTime();
        return execution
                .getProcessEngineServices()
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(PlanTaskProcess.REPORT_PROGRESS)
                .dueBefore(now)
                .list()
                .stream()
                .map(task -> task.getDueDate().toInstant().atZone(zone).toLocalDate())
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    private static Integer optionalNumber(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
