package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.DEADLINE;
import static cn.duban.plantask.PlanTaskVariables.DEADLINE_TEXT;
import static cn.duban.plantask.PlanTaskVariables.RECTIFICATION_DEADLINE;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import cn.duban.supervision.DeadlineCheck;
import cn.duban.taskform.ChineseDates;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * 下达限期整改: inspection sent the result back with findings and a new deadline,
 * which from now on is the task's deadline; 数据不实 is recorded as well (the model then opens a case).
 */
@Service
class RectificationOrder {

    private final RectificationDeadline rectificationDeadline;
    private final ReviewReturns returns;
    private final DueDates dueDates;
    private final DeadlineCheck deadlineCheck;

    RectificationOrder(
            RectificationDeadline rectificationDeadline,
            ReviewReturns returns,
            DueDates dueDates,
            DeadlineCheck deadlineCheck) {
        this.rectificationDeadline = rectificationDeadline;
        this.returns = returns;
        this.dueDates = dueDates;
        this.deadlineCheck = deadlineCheck;
    }

    /** Orders the rectification the inspector decided, in the instance and in the supervision record. */
    void order(DelegateExecution execution) {
        LocalDate newDeadline = rectificationDeadline.read(execution.getVariable(RECTIFICATION_DEADLINE));
        execution.setVariable(DEADLINE, dueDates.endOf(newDeadline));
        execution.setVariable(DEADLINE_TEXT, ChineseDates.of(newDeadline) + "（限期整改）");
        Authentication inspector =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        deadlineCheck.rectificationOrdered(
                (String) execution.getVariable(TASK_CODE),
                execution.getProcessInstanceId(),
                newDeadline,
                returns.record(execution, Review.INSPECTION),
                Review.FALSIFIED.equals(execution.getVariable(Review.INSPECTION.decisionVariable)),
                inspector == null ? null : inspector.getUserId(),
                ClockUtil.getCurrentTime().toInstant());
    }
}
