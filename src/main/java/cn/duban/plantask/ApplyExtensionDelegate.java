package cn.duban.plantask;

import cn.duban.taskform.ChineseDates;
import static cn.duban.plantask.PlanTaskVariables.DEADLINE;
import static cn.duban.plantask.PlanTaskVariables.DEADLINE_TEXT;
import static cn.duban.plantask.PlanTaskVariables.EXTENSION_APPROVAL_OPINION;
import static cn.duban.plantask.PlanTaskVariables.EXTENSION_REASON;
import static cn.duban.plantask.PlanTaskVariables.REQUESTED_DEADLINE;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import cn.duban.supervision.DeadlineCheck;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * An approved extension: the task's deadline moves, and with it the due date of every open step (the lead unit's
 * and the implementing units' at the deadline, the support units' the configured working days before it). The daily
 * check reads the deadline afresh, so no timer needs moving.
 */
@Component("applyExtensionDelegate")
class ApplyExtensionDelegate implements JavaDelegate {

    private final DueDates dueDates;
    private final DeadlineCheck deadlineCheck;

    ApplyExtensionDelegate(DueDates dueDates, DeadlineCheck deadlineCheck) {
        this.dueDates = dueDates;
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate newDeadline = LocalDate.parse((String) execution.getVariable(REQUESTED_DEADLINE));
        Date deadline = dueDates.endOf(newDeadline);
        execution.setVariable(DEADLINE, deadline);
        execution.setVariable(DEADLINE_TEXT, ChineseDates.of(newDeadline) + "（已延期）");
        TaskService taskService = execution.getProcessEngineServices().getTaskService();
        for (Task task : taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
            if (PlanTaskProcess.CONTRIBUTE.equals(task.getTaskDefinitionKey())) {
                taskService.setDueDate(task.getId(), dueDates.contributionDue(deadline));
            } else if (task.getDueDate() != null) {
                taskService.setDueDate(task.getId(), deadline);
            }
        }
        Authentication leader = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Object opinion = execution.getVariable(EXTENSION_APPROVAL_OPINION);
        deadlineCheck.extended((String) execution.getVariable(TASK_CODE), newDeadline,
                execution.getVariable(EXTENSION_REASON) + (opinion == null || opinion.toString().isBlank()
                        ? "" : "（领导意见：" + opinion + "）"),
                leader == null ? null : leader.getUserId(), ClockUtil.getCurrentTime().toInstant());
    }
}
