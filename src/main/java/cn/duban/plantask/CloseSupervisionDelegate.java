package cn.duban.plantask;

import cn.duban.supervision.DeadlineCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 销号 (ServiceTask_CloseSupervision): a leader approved the closure; the task leaves supervision. */
@Component("closeSupervisionDelegate")
class CloseSupervisionDelegate implements JavaDelegate {

    private final DeadlineCheck deadlineCheck;

    CloseSupervisionDelegate(DeadlineCheck deadlineCheck) {
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deadlineCheck.closed(
                (String) execution.getVariable(PlanTaskVariables.TASK_CODE),
                ClockUtil.getCurrentTime().toInstant());
    }
}
