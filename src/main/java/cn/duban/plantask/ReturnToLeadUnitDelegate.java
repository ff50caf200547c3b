package cn.duban.plantask;

import cn.duban.supervision.DeadlineCheck;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 退回牵头单位 (ServiceTask_ReturnToLeadUnit): a leader did not approve the closure; the result goes back to the
 * lead unit with the reason, and the task is with the units again, on track or late against its deadline.
 */
@Component("returnToLeadUnitDelegate")
class ReturnToLeadUnitDelegate implements JavaDelegate {

    private final ReviewReturns returns;
    private final DeadlineCheck deadlineCheck;

    ReturnToLeadUnitDelegate(ReviewReturns returns, DeadlineCheck deadlineCheck) {
        this.returns = returns;
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        returns.record(execution, Review.CLOSURE);
        deadlineCheck.backWithUnits(
                (String) execution.getVariable(PlanTaskVariables.TASK_CODE),
                ClockUtil.getCurrentTime().toInstant());
    }
}
