package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.RECTIFICATION_DEADLINE;

import cn.duban.taskform.FieldRule;
import cn.duban.taskform.SubmissionRejectedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The form check of the review tasks (督查核验, 销号审批). When one starts, the previous round's decision is cleared,
 * so every round needs a fresh one. When it ends, the decision must be one the review knows; sending the result back
 * needs a reason, and 限期整改 a new deadline that is not in the past. What a return does is modelled after the
 * review's gateway: 下达限期整改 and 退回牵头单位.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements ExecutionListener {

    private final RectificationDeadline rectificationDeadline;

    ReviewDecisionListener(RectificationDeadline rectificationDeadline) {
        this.rectificationDeadline = rectificationDeadline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Review review = Review.of(execution.getCurrentActivityId())
                .orElseThrow(() -> new IllegalStateException("reviewDecisionListener is attached to "
                        + execution.getCurrentActivityId() + ", which is no review"));
        if (EVENTNAME_START.equals(execution.getEventName())) {
            execution.removeVariable(review.decisionVariable);
            execution.removeVariable(review.opinionVariable);
            execution.removeVariable(RECTIFICATION_DEADLINE);
        } else if (EVENTNAME_END.equals(execution.getEventName()) && !execution.isCanceled()) {
            check(execution, review);
        }
    }

    private void check(DelegateExecution execution, Review review) {
        Object decision = execution.getVariable(review.decisionVariable);
        if (review.acceptValue.equals(decision)) {
            return;
        }
        if (decision == null || !review.returnValues.contains(decision.toString())) {
            throw new SubmissionRejectedException(review.decisionVariable, "请选择" + review.reviewer + "的结论");
        }
        String problem = FieldRule.required(review.opinionVariable, review.opinionLabel, 2000)
                .problemWith(execution.getVariable(review.opinionVariable));
        if (problem != null) {
            throw new SubmissionRejectedException(review.opinionVariable, "退回时" + problem);
        }
        if (review.setsNewDeadline()) {
            rectificationDeadline.read(execution.getVariable(RECTIFICATION_DEADLINE));
        }
    }
}
