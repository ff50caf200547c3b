package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.LEAD_UNIT_NAMES;
import static cn.duban.plantask.PlanTaskVariables.NEW_LEAD_UNITS;
import static cn.duban.plantask.PlanTaskVariables.RETURN_TO_OFFICE_REASON;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import cn.duban.supervision.DeadlineCheck;
import cn.duban.supervision.SupervisionEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 登记退回 (ServiceTask_RecordReturnToOffice): the lead unit returned the task as not its own; the return and its
 * reason go on the task's record, and the supervision office names the new lead unit(s) afresh.
 */
@Component("recordReturnToOfficeDelegate")
class RecordReturnToOfficeDelegate implements JavaDelegate {

    private final DeadlineCheck deadlineCheck;

    RecordReturnToOfficeDelegate(DeadlineCheck deadlineCheck) {
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlineCheck.recordStep(
                (String) execution.getVariable(TASK_CODE),
                SupervisionEvent.Kind.RETURNED_TO_OFFICE,
                execution.getVariable(LEAD_UNIT_NAMES) + "退回：" + execution.getVariable(RETURN_TO_OFFICE_REASON),
                (String) execution.getVariable(PlanTaskVariables.LEAD_OPERATOR),
                ClockUtil.getCurrentTime().toInstant());
        execution.removeVariable(NEW_LEAD_UNITS);
    }
}
