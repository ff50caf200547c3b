package cn.duban.plantask;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** On 签收: remembers who signed for the task, so that the same person carries it on. */
@Component("recordLeadOperatorListener")
class RecordLeadOperatorListener implements TaskListener {

    private final IdentityService identityService;

    RecordLeadOperatorListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String operator = task.getAssignee();
        if (operator == null) {
            Authentication current = identityService.getCurrentAuthentication();
            operator = current == null ? null : current.getUserId();
        }
        task.setVariable(PlanTaskVariables.LEAD_OPERATOR, operator);
    }
}
