package cn.duban.plantask;

import cn.duban.taskform.SubmissionRejectedException;
import cn.duban.taskform.FieldRule;
import static cn.duban.plantask.PlanTaskVariables.RETURNED_BY;
import static cn.duban.plantask.PlanTaskVariables.RETURN_COUNT;
import static cn.duban.plantask.PlanTaskVariables.RETURN_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the review tasks (督查核验, 销号审批). When one starts, the previous round's decision is cleared, so every
 * round needs a fresh one. When it ends, the decision must be "accept" or "return", a return needs a reason, and a
 * return records why and by whom for the lead unit's next report.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        Review review = Review.of(execution.getCurrentActivityId()).orElseThrow(() -> new IllegalStateException(
                "reviewDecisionListener is attached to " + execution.getCurrentActivityId() + ", which is no review"));
        if (EVENTNAME_START.equals(execution.getEventName())) {
            execution.removeVariable(review.decisionVariable);
            execution.removeVariable(review.opinionVariable);
        } else if (EVENTNAME_END.equals(execution.getEventName()) && !execution.isCanceled()) {
            checkAndRecord(execution, review);
        }
    }

    private void checkAndRecord(DelegateExecution execution, Review review) {
        Object decision = execution.getVariable(review.decisionVariable);
        if (review.acceptValue.equals(decision)) {
            return;
        }
        if (!Review.RETURN.equals(decision)) {
            throw new SubmissionRejectedException(review.decisionVariable, "请选择" + review.reviewer + "的结论");
        }
        Object opinion = execution.getVariable(review.opinionVariable);
        String problem = FieldRule.required(review.opinionVariable, review.opinionLabel, 2000).problemWith(opinion);
        if (problem != null) {
            throw new SubmissionRejectedException(review.opinionVariable, "退回时" + problem);
        }
        Object count = execution.getVariable(RETURN_COUNT);
        execution.setVariable(RETURN_REASON, opinion.toString().strip());
        execution.setVariable(RETURNED_BY, review.reviewer);
        execution.setVariable(RETURN_COUNT, count instanceof Number n ? n.intValue() + 1 : 1);
    }
}
