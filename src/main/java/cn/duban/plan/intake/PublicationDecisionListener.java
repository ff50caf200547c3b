package cn.duban.plan.intake;

import static cn.duban.plan.intake.PlanIntakeVariables.PUBLICATION_DECISION;
import static cn.duban.plan.intake.PlanIntakeVariables.PUBLICATION_OPINION;
import static cn.duban.plan.intake.PlanIntakeVariables.RETURN_REASON;

import cn.duban.taskform.SubmissionRejectedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** 审批发布: each round starts without a decision; a return needs a reason, which the reviewer then sees. */
@Component("publicationDecisionListener")
class PublicationDecisionListener implements ExecutionListener {

    static final String APPROVE = "approve";
    static final String RETURN = "return";

    @Override
    public void notify(DelegateExecution execution) {
        if (EVENTNAME_START.equals(execution.getEventName())) {
            execution.removeVariable(PUBLICATION_DECISION);
            execution.removeVariable(PUBLICATION_OPINION);
            return;
        }
        if (execution.isCanceled()) {
            return;
        }
        Object decision = execution.getVariable(PUBLICATION_DECISION);
        if (APPROVE.equals(decision)) {
            execution.removeVariable(RETURN_REASON);
            return;
        }
        if (!RETURN.equals(decision)) {
            throw new SubmissionRejectedException(PUBLICATION_DECISION, "请选择是否同意发布");
        }
        Object opinion = execution.getVariable(PUBLICATION_OPINION);
        if (opinion == null || opinion.toString().isBlank()) {
            throw new SubmissionRejectedException(PUBLICATION_OPINION, "退回时请填写“退回原因”");
        }
        execution.setVariable(RETURN_REASON, opinion.toString().strip());
    }
}
