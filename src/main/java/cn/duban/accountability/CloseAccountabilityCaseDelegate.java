package cn.duban.accountability;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 问责结案 (ServiceTask_CloseCase): the case is closed; the ladder may open another one for the task. */
@Component("closeAccountabilityCaseDelegate")
class CloseAccountabilityCaseDelegate implements JavaDelegate {

    private final AccountabilityCases cases;

    CloseAccountabilityCaseDelegate(AccountabilityCases cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.close(execution.getProcessInstanceId());
    }
}
