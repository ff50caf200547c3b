package cn.duban.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 登记追责结果 (ServiceTask_RecordReferralOutcome): the commission's outcome of a referral goes on the case. */
@Component("recordReferralOutcomeDelegate")
class RecordReferralOutcomeDelegate implements JavaDelegate {

    private final AccountabilityCases cases;

    RecordReferralOutcomeDelegate(AccountabilityCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordOutcome(
                execution.getProcessInstanceId(),
                execution
                        .getVariable(AccountabilityStepListener.REFERRAL_OUTCOME)
                        .toString()
                        .strip());
    }
}
