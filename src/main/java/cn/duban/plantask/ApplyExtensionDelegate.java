package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.DEADLINE;
import static cn.duban.plantask.PlanTaskVariables.DEADLINE_TEXT;
import static cn.duban.plantask.PlanTaskVariables.EXTENSION_APPROVAL_OPINION;
import static cn.duban.plantask.PlanTaskVariables.EXTENSION_REASON;
import static cn.duban.plantask.PlanTaskVariables.REQUESTED_DEADLINE;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import cn.duban.supervision.DeadlineCheck;
import cn.duban.taskform.ChineseDates;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** 调整完成时限 (ServiceTask_ApplyExtension): an approved extension moves the task's deadline and its open steps'. */
@Component("applyExtensionDelegate")
class ApplyExtensionDelegate implements JavaDelegate {

    private final DeadlineExtension extension;
    private final DeadlineCheck deadlineCheck;

    ApplyExtensionDelegate(DeadlineExtension extension, DeadlineCheck deadlineCheck) {
        this.extension = extension;
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate newDeadline = LocalDate.parse((String) execution.getVariable(REQUESTED_DEADLINE));
        execution.setVariable(DEADLINE, extension.moveOpenSteps(execution.getProcessEngineServices().getTaskService(),
                execution.getProcessInstanceId(), newDeadline));
        execution.setVariable(DEADLINE_TEXT, ChineseDates.of(newDeadline) + "（已延期）");
        Authentication leader = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Object opinion = execution.getVariable(EXTENSION_APPROVAL_OPINION);
        deadlineCheck.extended((String) execution.getVariable(TASK_CODE), newDeadline,
                execution.getVariable(EXTENSION_REASON) + (opinion == null || opinion.toString().isBlank()
                        ? "" : "（领导意见：" + opinion + "）"),
                leader == null ? null : leader.getUserId(), ClockUtil.getCurrentTime().toInstant());
    }
}
