package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.EXTENSION_APPROVAL;
import static cn.duban.plantask.PlanTaskVariables.EXTENSION_APPROVAL_OPINION;
import static cn.duban.plantask.PlanTaskVariables.EXTENSION_REVIEW;
import static cn.duban.plantask.PlanTaskVariables.EXTENSION_REVIEW_OPINION;

import cn.duban.taskform.SubmissionRejectedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The form check of the two decisions on an extension request: approve, or refuse with a reason. An approval by the
 * supervision office goes on to a leader; the leader's approval moves the deadline (调整完成时限), a refusal is
 * recorded on the task (记录不予延期).
 */
@Component("extensionDecisionListener")
class ExtensionDecisionListener implements ExecutionListener {

    static final String APPROVE = "approve";
    static final String REFUSE = "refuse";

    @Override
    public void notify(DelegateExecution execution) {
        boolean byOffice = PlanTaskProcess.REVIEW_EXTENSION.equals(execution.getCurrentActivityId());
        String decisionVariable = byOffice ? EXTENSION_REVIEW : EXTENSION_APPROVAL;
        String opinionVariable = byOffice ? EXTENSION_REVIEW_OPINION : EXTENSION_APPROVAL_OPINION;
        if (EVENTNAME_START.equals(execution.getEventName())) {
            execution.removeVariable(decisionVariable);
            execution.removeVariable(opinionVariable);
            return;
        }
        if (execution.isCanceled()) {
            return;
        }
        Object decision = execution.getVariable(decisionVariable);
        if (APPROVE.equals(decision)) {
            return;
        }
        if (!REFUSE.equals(decision)) {
            throw new SubmissionRejectedException(decisionVariable, "请选择同意或不同意延期");
        }
        Object opinion = execution.getVariable(opinionVariable);
        if (opinion == null || opinion.toString().isBlank()) {
            throw new SubmissionRejectedException(opinionVariable, "不同意延期时请填写理由");
        }
    }
}
