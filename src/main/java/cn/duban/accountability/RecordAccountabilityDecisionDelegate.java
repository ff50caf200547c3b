package cn.duban.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 记录问责决定 (ServiceTask_RecordDecision): the leader's decision goes on the case and the task's record. */
@Component("recordAccountabilityDecisionDelegate")
class RecordAccountabilityDecisionDelegate implements JavaDelegate {

    private final AccountabilityCases cases;

    RecordAccountabilityDecisionDelegate(AccountabilityCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decision =
                execution.getVariable(AccountabilityStepListener.DECISION).toString();
        String reason = execution
                .getVariable(AccountabilityStepListener.DECISION_REASON)
                .toString()
                .strip();
        Authentication leader =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        cases.decide(
                execution.getProcessInstanceId(),
                decision,
                AccountabilityStepListener.DECISIONS.get(decision) + "。" + reason,
                leader == null ? null : leader.getUserId(),
                ClockUtil.getCurrentTime().toInstant());
    }
}
