package cn.duban.plantask;

import cn.duban.supervision.DeadlineCheck;
import cn.duban.supervision.SupervisionEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 节点提醒 (ServiceTask_RemindMilestone): a milestone is near; a step of the task's supervision record (临期提醒) names
 * it, and the lead units are told.
 */
@Component("remindMilestoneDelegate")
class RemindMilestoneDelegate implements JavaDelegate {

    private final DeadlineCheck deadlineCheck;

    RemindMilestoneDelegate(DeadlineCheck deadlineCheck) {
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlineCheck.recordStep(
                (String) execution.getVariable(PlanTaskVariables.TASK_CODE),
                SupervisionEvent.Kind.DUE_SOON,
                "阶段性目标临近：" + execution.getVariable(PlanTaskVariables.MILESTONE) + "，请按时报送阶段性成果",
                null,
                ClockUtil.getCurrentTime().toInstant());
    }
}
