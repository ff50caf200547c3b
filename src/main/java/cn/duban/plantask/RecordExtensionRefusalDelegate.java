package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.EXTENSION_APPROVAL_OPINION;
import static cn.duban.plantask.PlanTaskVariables.EXTENSION_REVIEW;
import static cn.duban.plantask.PlanTaskVariables.EXTENSION_REVIEW_OPINION;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import cn.duban.supervision.DeadlineCheck;
import cn.duban.supervision.SupervisionEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 记录不予延期 (ServiceTask_RecordExtensionRefusal): who refused the extension, and why, goes on the task's record. */
@Component("recordExtensionRefusalDelegate")
class RecordExtensionRefusalDelegate implements JavaDelegate {

    private final DeadlineCheck deadlineCheck;

    RecordExtensionRefusalDelegate(DeadlineCheck deadlineCheck) {
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean byOffice = ExtensionDecisionListener.REFUSE.equals(execution.getVariable(EXTENSION_REVIEW));
        Object opinion = execution.getVariable(byOffice ? EXTENSION_REVIEW_OPINION : EXTENSION_APPROVAL_OPINION);
        Authentication decider =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        deadlineCheck.recordStep(
                (String) execution.getVariable(TASK_CODE),
                SupervisionEvent.Kind.EXTENSION_REFUSED,
                (byOffice ? "督查办" : "领导") + "不同意延期：" + opinion.toString().strip(),
                decider == null ? null : decider.getUserId(),
                ClockUtil.getCurrentTime().toInstant());
    }
}
