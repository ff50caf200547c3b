package cn.duban.plantask;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

/**
 * An approved extension moves the due date of every open step of the instance with the deadline: the lead unit's and
 * the implementing units' to the deadline, the support units' the configured working days before it. The daily check
 * reads the deadline afresh, so no timer needs moving.
 */
@Service
class DeadlineExtension {

    private final DueDates dueDates;

    DeadlineExtension(DueDates dueDates) {
        this.dueDates = dueDates;
    }

    /** Moves the open steps' due dates; returns the new deadline as the instance keeps it (end of that day). */
    Date moveOpenSteps(TaskService taskService, String processInstanceId, LocalDate newDeadline) {
        Date deadline = dueDates.endOf(newDeadline);
        taskService.createTaskQuery().processInstanceId(processInstanceId).list().forEach(task -> {
            if (PlanTaskProcess.CONTRIBUTE.equals(task.getTaskDefinitionKey())) {
                taskService.setDueDate(task.getId(), dueDates.contributionDue(deadline));
            } else if (task.getDueDate() != null) {
                taskService.setDueDate(task.getId(), deadline);
            }
        });
        return deadline;
    }
}
