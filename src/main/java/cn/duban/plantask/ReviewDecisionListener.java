package cn.duban.plantask;

import cn.duban.taskform.ChineseDates;
import static cn.duban.plantask.PlanTaskVariables.DEADLINE;
import static cn.duban.plantask.PlanTaskVariables.DEADLINE_TEXT;
import static cn.duban.plantask.PlanTaskVariables.RECTIFICATION_DEADLINE;
import static cn.duban.plantask.PlanTaskVariables.RETURNED_BY;
import static cn.duban.plantask.PlanTaskVariables.RETURN_COUNT;
import static cn.duban.plantask.PlanTaskVariables.RETURN_REASON;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import cn.duban.supervision.DeadlineCheck;
import cn.duban.taskform.FieldRule;
import cn.duban.taskform.SubmissionRejectedException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On the review tasks (督查核验, 销号审批). When one starts, the previous round's decision is cleared, so every
 * round needs a fresh one. When it ends, the decision must be one the review knows; sending the result back needs a
 * reason, and 限期整改 a new deadline that is not in the past, which from then on is the task's deadline.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener implements ExecutionListener {

    private final DeadlineCheck deadlineCheck;
    private final DueDates dueDates;
    private final ZoneId zone;

    ReviewDecisionListener(DeadlineCheck deadlineCheck, DueDates dueDates, @Value("${duban.time-zone}") ZoneId zone) {
        this.deadlineCheck = deadlineCheck;
        this.dueDates = dueDates;
        this.zone = zone;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Review review = Review.of(execution.getCurrentActivityId()).orElseThrow(() -> new IllegalStateException(
                "reviewDecisionListener is attached to " + execution.getCurrentActivityId() + ", which is no review"));
        if (EVENTNAME_START.equals(execution.getEventName())) {
            execution.removeVariable(review.decisionVariable);
            execution.removeVariable(review.opinionVariable);
            execution.removeVariable(RECTIFICATION_DEADLINE);
        } else if (EVENTNAME_END.equals(execution.getEventName()) && !execution.isCanceled()) {
            checkAndRecord(execution, review);
        }
    }

    private void checkAndRecord(DelegateExecution execution, Review review) {
        Object decision = execution.getVariable(review.decisionVariable);
        if (review.acceptValue.equals(decision)) {
            return;
        }
        if (decision == null || !review.returnValues.contains(decision.toString())) {
            throw new SubmissionRejectedException(review.decisionVariable, "请选择" + review.reviewer + "的结论");
        }
        Object opinion = execution.getVariable(review.opinionVariable);
        String problem = FieldRule.required(review.opinionVariable, review.opinionLabel, 2000).problemWith(opinion);
        if (problem != null) {
            throw new SubmissionRejectedException(review.opinionVariable, "退回时" + problem);
        }
        String reason = opinion.toString().strip();
        if (review.setsNewDeadline()) {
            orderRectification(execution, reason, Review.FALSIFIED.equals(decision));
        } else {
            deadlineCheck.backWithUnits((String) execution.getVariable(TASK_CODE),
                    ClockUtil.getCurrentTime().toInstant());
        }
        Object count = execution.getVariable(RETURN_COUNT);
        execution.setVariable(RETURN_REASON, reason);
        execution.setVariable(RETURNED_BY, review.reviewer);
        execution.setVariable(RETURN_COUNT, count instanceof Number n ? n.intValue() + 1 : 1);
    }

    private void orderRectification(DelegateExecution execution, String findings, boolean falsified) {
        LocalDate newDeadline = newDeadline(execution.getVariable(RECTIFICATION_DEADLINE));
        execution.setVariable(DEADLINE, dueDates.endOf(newDeadline));
        execution.setVariable(DEADLINE_TEXT, ChineseDates.of(newDeadline) + "（限期整改）");
        Authentication inspector = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        deadlineCheck.rectificationOrdered((String) execution.getVariable(TASK_CODE), execution.getProcessInstanceId(),
                newDeadline, findings, falsified, inspector == null ? null : inspector.getUserId(),
                ClockUtil.getCurrentTime().toInstant());
    }

    private LocalDate newDeadline(Object written) {
        LocalDate deadline;
        try {
            String text = written == null ? "" : written.toString().strip();
            deadline = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new SubmissionRejectedException(RECTIFICATION_DEADLINE, "请填写整改期限，格式如 2026-12-31");
        }
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        if (deadline.isBefore(today)) {
            throw new SubmissionRejectedException(RECTIFICATION_DEADLINE, "整改期限不能早于今天");
        }
        return deadline;
    }
}
