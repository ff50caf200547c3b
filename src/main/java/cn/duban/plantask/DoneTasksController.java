package cn.duban.plantask;

import cn.duban.identity.AsSystem;
import cn.duban.supervision.SupervisionState;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/my/done-tasks}: 已办, the tasks the signed-in user completed in the last 30 days, newest first.
 * Tasklist's filters see only open tasks, so this comes from the history, for the caller's own tasks only.
 */
@RestController
class DoneTasksController {

    private static final int DAYS = 30;
    private static final int MAX = 200;

    private final HistoryService historyService;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final JdbcClient jdbc;

    DoneTasksController(
            HistoryService historyService, IdentityService identityService, TaskService taskService, JdbcClient jdbc) {
        this.historyService = historyService;
        this.identityService = identityService;
        this.taskService = taskService;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/my/done-tasks")
    List<DoneTask> doneTasks(Principal user) {
        // A unit's users may not read the history in general; their own finished tasks they may see.
        return AsSystem.call(identityService, () -> {
            List<HistoricTaskInstance> done = historyService
                    .createHistoricTaskInstanceQuery()
                    .taskAssignee(user.getName())
                    .finished()
                    .finishedAfter(Date.from(Instant.now().minus(DAYS, ChronoUnit.DAYS)))
                    .orderByHistoricTaskInstanceEndTime()
                    .desc()
                    .listPage(0, MAX);
            Map<String, String> codes = taskCodes(done);
            Map<String, String> standing = standing(codes);
            return done.stream()
                    .map(task -> {
                        String code = codes.get(task.getProcessInstanceId());
                        return new DoneTask(
                                task.getName(),
                                task.getProcessDefinitionKey(),
                                task.getProcessInstanceId(),
                                task.getStartTime(),
                                task.getEndTime(),
                                task.getDeleteReason(),
                                code,
                                code == null ? null : standing.get(code));
                    })
                    .toList();
        });
    }

    /** The plan task of each plan-task instance (its business key), by instance. */
    private Map<String, String> taskCodes(List<HistoricTaskInstance> done) {
        Set<String> instances = done.stream()
                .filter(task -> PlanTaskProcess.KEY.equals(task.getProcessDefinitionKey()))
                .map(HistoricTaskInstance::getProcessInstanceId)
                .collect(Collectors.toSet());
        if (instances.isEmpty()) {
            return Map.of();
        }
        Map<String, String> codes = new HashMap<>();
        historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(instances)
                .list()
                .forEach(instance -> {
                    if (instance.getBusinessKey() != null) {
                        codes.put(instance.getId(), instance.getBusinessKey());
                    }
                });
        return codes;
    }

    /** Where each task stands now: its state and the steps open on it ("待核验销号：督查核验"). */
    private Map<String, String> standing(Map<String, String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Map<String, String> openSteps = new HashMap<>();
        taskService.createTaskQuery().processInstanceIdIn(codes.keySet().toArray(String[]::new)).list().stream()
                .collect(Collectors.groupingBy(
                        Task::getProcessInstanceId,
                        Collectors.mapping(
                                task -> task.getName().replaceFirst("：.*$", ""),
                                Collectors.toCollection(java.util.TreeSet::new))))
                .forEach((instance, names) -> openSteps.put(codes.get(instance), String.join("、", names)));
        Map<String, String> standing = new HashMap<>();
        jdbc.sql("select task_code, state from duban.supervised_task where task_code = any(cast(:codes as varchar[]))")
                .param("codes", codes.values().stream().distinct().toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(entry -> {
                    String state = SupervisionState.valueOf(entry.getValue()).chineseName();
                    String steps = openSteps.get(entry.getKey());
                    standing.put(entry.getKey(), steps == null ? state : state + "：" + steps);
                });
        return standing;
    }

    /**
     * One finished task; {@code outcome} is "completed" or why it ended otherwise. For a plan task, {@code taskCode}
     * opens its page and {@code now} says where it stands now.
     */
    record DoneTask(
            String name,
            String process,
            String processInstanceId,
            Date started,
            Date finished,
            String outcome,
            String taskCode,
            String now) {}
}
