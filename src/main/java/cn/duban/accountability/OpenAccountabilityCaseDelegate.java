package cn.duban.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * 启动问责 (the ServiceTask_OpenAccountabilityCase… steps of plan-task.bpmn): opens an accountability case for the
 * plan task, with the reason in {@code accountabilityReason} and the trigger in {@code accountabilityTrigger}
 * ({@code ESCALATION} unless the model says otherwise). The ladder opens no second case while one is open; falsified
 * data always opens one.
 */
@Component("openAccountabilityCaseDelegate")
class OpenAccountabilityCaseDelegate implements JavaDelegate {

    static final String REASON = "accountabilityReason";
    static final String TRIGGER = "accountabilityTrigger";

    private final AccountabilityCases cases;

    OpenAccountabilityCaseDelegate(AccountabilityCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object trigger = execution.getVariable(TRIGGER);
        AccountabilityCases.Trigger opened = trigger == null
                ? AccountabilityCases.Trigger.ESCALATION
                : AccountabilityCases.Trigger.valueOf(trigger.toString());
        String taskCode = (String) execution.getVariable("taskCode");
        if (opened == AccountabilityCases.Trigger.ESCALATION && cases.hasOpenCase(taskCode)) {
            return;
        }
        cases.open(
                execution,
                opened,
                (String) execution.getVariable(REASON),
                ClockUtil.getCurrentTime().toInstant());
    }
}
