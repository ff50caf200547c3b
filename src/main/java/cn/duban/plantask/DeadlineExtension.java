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
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * An approved extension moves the due date of every open step of the instance with the deadline: the lead unit's and
 * the implementing units' to the deadline, the support units' the configured working days before it. The daily check
 * reads the deadline afresh, so no timer needs moving.
 */
@Service
class DeadlineExtension {

    private final DueDates dueDates;
    private final DeadlineCheck deadlineCheck;

    DeadlineExtension(DueDates dueDates, DeadlineCheck deadlineCheck) {
        this.dueDates = dueDates;
        this.deadlineCheck = deadlineCheck;
    }

    /** Moves the open steps' due dates; returns the new deadline as the instance keeps it (end of that day). */
    private Date moveOpenSteps(TaskService taskService, String processInstanceId, LocalDate newDeadline) {
        Date deadline = dueDates.endOf(newDeadline);
        taskService
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .list()
                .forEach(task -> {
                    if (PlanTaskProcess.CONTRIBUTE.equals(task.getTaskDefinitionKey())) {
                        taskService.setDueDate(task.getId(), dueDates.contributionDue(deadline));
                    } else if (task.getDueDate() != null) {
                        taskService.setDueDate(task.getId(), deadline);
                    }
                });
        return deadline;
    }

    /** Applies an approved extension: the deadline, its text, the open steps' due dates, the supervision record. */
    void apply(DelegateExecution execution) {
        LocalDate newDeadline = LocalDate.parse((String) execution.getVariable(REQUESTED_DEADLINE));
        execution.setVariable(
                DEADLINE,
                moveOpenSteps(
                        execution.getProcessEngineServices().getTaskService(),
                        execution.getProcessInstanceId(),
                        newDeadline));
        execution.setVariable(DEADLINE_TEXT, ChineseDates.of(newDeadline) + "（已延期）");
        Authentication leader =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Object opinion = execution.getVariable(EXTENSION_APPROVAL_OPINION);
        deadlineCheck.extended(
                (String) execution.getVariable(TASK_CODE),
                newDeadline,
                execution.getVariable(EXTENSION_REASON)
                        + (opinion == null || opinion.toString().isBlank() ? "" : "（领导意见：" + opinion + "）"),
                leader == null ? null : leader.getUserId(),
                ClockUtil.getCurrentTime().toInstant());
    }
}
