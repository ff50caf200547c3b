package cn.duban.evidence;

import cn.duban.identity.AsSystem;
import cn.duban.plantask.PlanTaskProcess;
import cn.duban.plantask.PlanTaskVariables;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the engine knows about a task and its plan task, read as the system (the caller's rights are decided here,
 * from the task's units, not by what the engine would show the caller).
 */
@Component
class TaskParticipants {

    private static final String[] UNIT_VARIABLES = {
        PlanTaskVariables.LEAD_UNITS,
        PlanTaskVariables.SUPPORT_UNITS,
        PlanTaskVariables.IMPLEMENTING_UNITS,
        PlanTaskVariables.SUPPORT_UNIT,
        PlanTaskVariables.IMPLEMENTING_UNIT
    };

    private final HistoryService historyService;
    private final TaskService taskService;
    private final IdentityService identityService;

    TaskParticipants(HistoryService historyService, TaskService taskService, IdentityService identityService) {
        this.historyService = historyService;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    /** A step of a plan task, open or done. */
    record Step(String taskId, String processInstanceId, String taskCode, String definitionKey, boolean open) {}

    Optional<Step> step(String taskId) {
        return AsSystem.call(identityService, () -> {
            HistoricTaskInstance task = historyService
                    .createHistoricTaskInstanceQuery()
                    .taskId(taskId)
                    .singleResult();
            if (task == null || !PlanTaskProcess.KEY.equals(task.getProcessDefinitionKey())) {
                return Optional.empty();
            }
            HistoricProcessInstance instance = historyService
                    .createHistoricProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId())
                    .singleResult();
            boolean open = taskService.createTaskQuery().taskId(taskId).count() > 0;
            return Optional.of(new Step(
                    taskId, task.getProcessInstanceId(), instance.getBusinessKey(), task.getTaskDefinitionKey(), open));
        });
    }

    /** The plan task's process instances with this task code (normally one). */
    List<String> instancesOf(String taskCode) {
        return AsSystem.call(
                identityService,
                () -> historyService
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(PlanTaskProcess.KEY)
                        .processInstanceBusinessKey(taskCode)
                        .list()
                        .stream()
                        .map(HistoricProcessInstance::getId)
                        .toList());
    }

    /** The units taking part in the plan task: its lead, support and implementing units. */
    Set<String> unitsOf(String processInstanceId) {
        return AsSystem.call(identityService, () -> {
            Set<String> units = new HashSet<>();
            for (HistoricVariableInstance variable : historyService
                    .createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(processInstanceId)
                    .variableNameIn(UNIT_VARIABLES)
                    .list()) {
                if (variable.getValue() instanceof String ids) {
                    Arrays.stream(ids.split(","))
                            .map(String::strip)
                            .filter(id -> !id.isEmpty())
                            .forEach(units::add);
                }
            }
            return units;
        });
    }

    /**
     * The unit of {@code caller} that works this open step: a candidate group of the task the caller belongs to,
     * when the task is the caller's or nobody's yet; empty otherwise.
     */
    Optional<String> workingUnit(String taskId, Caller caller) {
        return AsSystem.call(identityService, () -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null
                    || task.getAssignee() != null && !task.getAssignee().equals(caller.userId())) {
                return Optional.empty();
            }
            return taskService.getIdentityLinksForTask(taskId).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId)
                    .filter(caller.groups()::contains)
                    .findFirst();
        });
    }

    /** Whether the caller belongs to a unit the open task is offered to, whoever has claimed it. */
    boolean isCandidate(String taskId, Caller caller) {
        return AsSystem.call(
                identityService,
                () -> taskService.getIdentityLinksForTask(taskId).stream()
                        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                                && caller.groups().contains(link.getGroupId())));
    }

    /** Who has claimed the open task, if someone else than the caller. */
    Optional<String> assigneeOtherThan(String taskId, Caller caller) {
        return AsSystem.call(
                identityService,
                () -> Optional.ofNullable(
                                taskService.createTaskQuery().taskId(taskId).singleResult())
                        .map(Task::getAssignee)
                        .filter(assignee -> !assignee.equals(caller.userId())));
    }
}
