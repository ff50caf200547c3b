package cn.duban.plantask;

import cn.duban.supervision.DailySweep;
import cn.duban.supervision.DeadlineCheck;
import cn.duban.supervision.TaskSupervision;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * One batch of the daily sweep (每日督办检查): claims the batch's open tasks for the day, reads what the check needs of
 * their plan-task instances in three engine queries (which definition, the variables, the open user tasks), checks
 * them set-based ({@link DailySweep}), and tells just the instances whose task reached a level that opens a case
 * (message {@value #CASE_DUE_MESSAGE}, caught by 每日督办检查发现须问责 in plan-task.bpmn, which runs 启动问责).
 *
 * <p>Instances of a plan-task version from before the sweep still carry their own daily timer (StartEvent_DailyCheck,
 * {@link CheckDeadlineDelegate}): the sweep leaves them to it, so no task is checked twice a day.
 */
@Service
class DailySupervisionBatch {

    static final String CASE_DUE_MESSAGE = "Msg_CaseDueOnDailyCheck";
    /** The per-instance timer of the plan-task versions before the sweep. */
    static final String OWN_TIMER = "StartEvent_DailyCheck";

    private static final String[] CHECKED_VARIABLES = {
        PlanTaskVariables.DEADLINE,
        PlanTaskVariables.TIMES_URGED,
        PlanTaskVariables.BINDING,
        PlanTaskVariables.RETURN_COUNT,
        PlanTaskVariables.DUE_SOON_WORKING_DAYS,
        PlanTaskVariables.OVERDUE_REMINDER_WORKING_DAYS
    };

    private final DailySweep sweep;
    private final DeadlineCheck deadlineCheck;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final ZoneId zone;
    /** Whether a deployed definition has its own daily timer; a deployed definition never changes. */
    private final Map<String, Boolean> ownTimer = new ConcurrentHashMap<>();

    DailySupervisionBatch(
            DailySweep sweep,
            DeadlineCheck deadlineCheck,
            RuntimeService runtimeService,
            TaskService taskService,
            RepositoryService repositoryService,
            @Value("${duban.time-zone}") ZoneId zone) {
        this.sweep = sweep;
        this.deadlineCheck = deadlineCheck;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.zone = zone;
    }

    /**
     * Checks the open tasks from {@code fromCode} (inclusive) to {@code toCode} (exclusive; null: to the end) not yet
     * checked on {@code day}; returns how many were checked.
     */
    int run(String fromCode, String toCode, LocalDate day, DailySweep.Scope scope, Instant now) {
        List<TaskSupervision> claimed = sweep.claim(fromCode, toCode, day, scope);
        if (claimed.isEmpty()) {
            return 0;
        }
        Set<String> swept = runtimeService
                .createProcessInstanceQuery()
                .processInstanceIds(
                        claimed.stream().map(TaskSupervision::processInstanceId).collect(Collectors.toSet()))
                .list()
                .stream()
                .filter(instance -> !hasOwnTimer(instance.getProcessDefinitionId()))
                .map(instance -> instance.getId())
                .collect(Collectors.toSet());
        Map<String, Map<String, Object>> variables = variables(swept);
        Map<String, List<Task>> openTasks = swept.isEmpty()
                ? Map.of()
                : taskService.createTaskQuery().processInstanceIdIn(swept.toArray(String[]::new)).list().stream()
                        .collect(Collectors.groupingBy(Task::getProcessInstanceId));
        List<DeadlineCheck.CheckedTask> tasks = claimed.stream()
                .filter(row -> swept.contains(row.processInstanceId()))
                .filter(row -> variables
                                .getOrDefault(row.processInstanceId(), Map.of())
                                .get(PlanTaskVariables.DEADLINE)
                        instanceof Date)
                .map(row -> checked(
                        row,
                        variables.get(row.processInstanceId()),
                        openTasks.getOrDefault(row.processInstanceId(), List.of()),
                        now))
                .toList();
        Map<String, DeadlineCheck.CheckResult> results = sweep.check(day, claimed, tasks, now);
        results.forEach((taskCode, result) -> {
            if (result.opensCase()) {
                runtimeService
                        .createMessageCorrelation(CASE_DUE_MESSAGE)
                        .processInstanceId(result.supervision().processInstanceId())
                        .setVariableLocal(PlanTaskVariables.ACCOUNTABILITY_REASON, result.accountabilityReason())
                        .correlateWithResult();
            }
        });
        return tasks.size();
    }

    private DeadlineCheck.CheckedTask checked(
            TaskSupervision row, Map<String, Object> variables, List<Task> openTasks, Instant now) {
        Date date = new Date(now.toEpochMilli());
        return new DeadlineCheck.CheckedTask(
                row.taskCode(),
                row.processInstanceId(),
                ((Date) variables.get(PlanTaskVariables.DEADLINE))
                        .toInstant()
                        .atZone(zone)
                        .toLocalDate(),
                UnitSteps.isWithUnits(
                        openTasks.stream().map(Task::getTaskDefinitionKey).toList()),
                number(variables.get(PlanTaskVariables.TIMES_URGED)),
                Boolean.TRUE.equals(variables.get(PlanTaskVariables.BINDING)),
                number(variables.get(PlanTaskVariables.RETURN_COUNT)),
                openTasks.stream()
                        .filter(task -> PlanTaskProcess.REPORT_PROGRESS.equals(task.getTaskDefinitionKey()))
                        .map(Task::getDueDate)
                        .filter(due -> due != null && due.before(date))
                        .map(due -> due.toInstant().atZone(zone).toLocalDate())
                        .min(LocalDate::compareTo)
                        .orElse(null),
                deadlineCheck.cadence(
                        optionalNumber(variables.get(PlanTaskVariables.DUE_SOON_WORKING_DAYS)),
                        optionalNumber(variables.get(PlanTaskVariables.OVERDUE_REMINDER_WORKING_DAYS))));
    }

    /** The process-level variables the check reads, of every swept instance, in one query. */
    private Map<String, Map<String, Object>> variables(Set<String> instanceIds) {
        Map<String, Map<String, Object>> variables = new HashMap<>();
        if (instanceIds.isEmpty()) {
            return variables;
        }
        for (VariableInstance variable : runtimeService
                .createVariableInstanceQuery()
                .processInstanceIdIn(instanceIds.toArray(String[]::new))
                .variableNameIn(CHECKED_VARIABLES)
                .disableBinaryFetching()
                .disableCustomObjectDeserialization()
                .list()) {
            if (variable.getProcessInstanceId().equals(variable.getExecutionId())) {
                variables
                        .computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        return variables;
    }

    private boolean hasOwnTimer(String processDefinitionId) {
        return ownTimer.computeIfAbsent(
                processDefinitionId,
                id -> repositoryService.getBpmnModelInstance(id).getModelElementById(OWN_TIMER) instanceof StartEvent);
    }

    private static Integer optionalNumber(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
