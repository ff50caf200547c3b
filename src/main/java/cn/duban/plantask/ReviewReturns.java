package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.RETURNED_BY;
import static cn.duban.plantask.PlanTaskVariables.RETURN_COUNT;
import static cn.duban.plantask.PlanTaskVariables.RETURN_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A review sent the result back: the lead unit's report form shows why and by whom, and the returns are counted. */
@Component
class ReviewReturns {

    /** Records the return on the instance; returns the reason, as written (stripped). */
    String record(DelegateExecution execution, Review review) {
        String reason = execution.getVariable(review.opinionVariable).toString().strip();
        Object count = execution.getVariable(RETURN_COUNT);
        execution.setVariable(RETURN_REASON, reason);
        execution.setVariable(RETURNED_BY, review.reviewer);
        execution.setVariable(RETURN_COUNT, count instanceof Number n ? n.intValue() + 1 : 1);
        return reason;
    }
}
