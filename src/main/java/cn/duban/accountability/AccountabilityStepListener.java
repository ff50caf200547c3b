package cn.duban.accountability;

import cn.duban.taskform.DeployedFormRules;
import cn.duban.taskform.SubmissionRejectedException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The form check of an accountability case's steps: each must be complete when it ends. What a step then does is
 * modelled after it (记录问责决定, 登记追责结果, 问责结案).
 */
@Component("accountabilityStepListener")
class AccountabilityStepListener implements ExecutionListener {

    static final String FINDING = "finding";
    static final String DECISION = "accountabilityDecision";
    static final String DECISION_REASON = "decisionReason";
    static final String REFERRAL_OUTCOME = "referralOutcome";

    /** The leader's decisions, by the form's values. */
    static final Map<String, String> DECISIONS =
            Map.of("CIRCULATED_CRITICISM", "通报批评", "ADMONITORY_TALK", "约谈", "REFER", "移交纪检委追责", "NO_ACTION", "不予问责");

    private final DeployedFormRules formRules;

    AccountabilityStepListener(DeployedFormRules formRules) {
        this.formRules = formRules;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        if ("UserTask_DecideAccountability".equals(execution.getCurrentActivityId())) {
            Object decision = execution.getVariable(DECISION);
            if (decision == null || !DECISIONS.containsKey(decision.toString())) {
                throw new SubmissionRejectedException(DECISION, "请选择问责决定");
            }
        }
        // 问责意见, 决定理由, 追责结果: as the step's own deployed form requires them.
        formRules.check(execution);
    }
}
