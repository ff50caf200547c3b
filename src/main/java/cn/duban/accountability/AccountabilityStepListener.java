package cn.duban.accountability;

import cn.duban.taskform.FieldRule;
import cn.duban.taskform.LongText;
import cn.duban.taskform.SubmissionRejectedException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The steps of an accountability case: each must be complete when it ends, and is recorded on the case (and the
 * leader's decision also on the task's supervision record).
 */
@Component("accountabilityStepListener")
class AccountabilityStepListener implements ExecutionListener {

    static final String FINDING = "finding";
    static final String DECISION = "accountabilityDecision";
    static final String DECISION_REASON = "decisionReason";
    static final String REFERRAL_OUTCOME = "referralOutcome";

    private static final Map<String, String> DECISIONS = Map.of(
            "CIRCULATED_CRITICISM", "通报批评", "ADMONITORY_TALK", "约谈", "REFER", "移交纪检委追责",
            "NO_ACTION", "不予问责");

    private final AccountabilityCases cases;

    AccountabilityStepListener(AccountabilityCases cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        String caseInstance = execution.getProcessInstanceId();
        switch (execution.getCurrentActivityId()) {
            case "UserTask_DraftFinding" -> require(execution, FieldRule.required(FINDING, "问责意见",
                    LongText.STRING_VARIABLE_LIMIT));
            case "UserTask_DecideAccountability" -> {
                Object decision = execution.getVariable(DECISION);
                if (decision == null || !DECISIONS.containsKey(decision.toString())) {
                    throw new SubmissionRejectedException(DECISION, "请选择问责决定");
                }
                String reason = require(execution, FieldRule.required(DECISION_REASON, "决定理由", 2000));
                Authentication leader = execution.getProcessEngineServices().getIdentityService()
                        .getCurrentAuthentication();
                cases.decide(caseInstance, decision.toString(), DECISIONS.get(decision.toString()) + "。" + reason,
                        leader == null ? null : leader.getUserId(), ClockUtil.getCurrentTime().toInstant());
            }
            case "UserTask_RecordReferralOutcome" -> cases.recordOutcome(caseInstance,
                    require(execution, FieldRule.required(REFERRAL_OUTCOME, "追责结果", 2000)));
            case "EndEvent_CaseClosed" -> cases.close(caseInstance);
            default -> throw new IllegalStateException("accountabilityStepListener is not meant for "
                    + execution.getCurrentActivityId());
        }
    }

    private static String require(DelegateExecution execution, FieldRule rule) {
        Object value = execution.getVariable(rule.variable());
        String problem = rule.problemWith(value);
        if (problem != null) {
            throw new SubmissionRejectedException(rule.variable(), problem);
        }
        return value.toString().strip();
    }
}
