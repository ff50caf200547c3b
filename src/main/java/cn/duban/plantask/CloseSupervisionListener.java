package cn.duban.plantask;

import cn.duban.supervision.DeadlineCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 销号: the task leaves supervision. */
@Component("closeSupervisionListener")
class CloseSupervisionListener implements ExecutionListener {

    private final DeadlineCheck deadlineCheck;

    CloseSupervisionListener(DeadlineCheck deadlineCheck) {
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void notify(DelegateExecution execution) {
        deadlineCheck.closed((String) execution.getVariable(PlanTaskVariables.TASK_CODE),
                ClockUtil.getCurrentTime().toInstant());
    }
}
