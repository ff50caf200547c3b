package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.DEADLINE;

import cn.duban.supervision.DeadlineCheck;
import cn.duban.supervision.SupervisedTask;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 纳入督办 (ServiceTask_PlaceUnderSupervision): the dispatched task gets its supervision record; a deadline already
 * near or past is checked at once, as the next daily check would.
 */
@Component("placeUnderSupervisionDelegate")
class PlaceUnderSupervisionDelegate implements JavaDelegate {

    private final DeadlineCheck deadlineCheck;
    private final UnitIds unitIds = new UnitIds();
    private final ZoneId zone;

    PlaceUnderSupervisionDelegate(DeadlineCheck deadlineCheck, @Value("${duban.time-zone}") ZoneId zone) {
        this.deadlineCheck = deadlineCheck;
        this.zone = zone;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PlanTaskVariables.Reader v = new PlanTaskVariables.Reader(execution);
        SupervisedTask task = new SupervisedTask(v.string(PlanTaskVariables.TASK_CODE),
                execution.getProcessInstanceId(), v.string(PlanTaskVariables.PLAN_CODE),
                v.string(PlanTaskVariables.PLAN_TITLE), v.string(PlanTaskVariables.TASK_TITLE),
                ((Date) execution.getVariable(DEADLINE)).toInstant().atZone(zone).toLocalDate(),
                unitIds.split(v.string(PlanTaskVariables.LEAD_UNITS)),
                unitIds.split(v.string(PlanTaskVariables.SUPPORT_UNITS)),
                unitIds.split(v.string(PlanTaskVariables.IMPLEMENTING_UNITS)));
        InstanceDeadlineCheck.noteAccountability(execution, deadlineCheck.dispatched(task,
                Boolean.TRUE.equals(execution.getVariable(PlanTaskVariables.BINDING)),
                deadlineCheck.cadence(v.number(PlanTaskVariables.DUE_SOON_WORKING_DAYS),
                        v.number(PlanTaskVariables.OVERDUE_REMINDER_WORKING_DAYS)),
                ClockUtil.getCurrentTime().toInstant()));
    }
}
