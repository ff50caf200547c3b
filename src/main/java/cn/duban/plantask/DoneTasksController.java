package cn.duban.plantask;

import cn.duban.identity.AsSystem;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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

    DoneTasksController(HistoryService historyService, IdentityService identityService) {
        this.historyService = historyService;
        this.identityService = identityService;
    }

    @GetMapping("/api/my/done-tasks")
    List<DoneTask> doneTasks(Principal user) {
        // A unit's users may not read the history in general; their own finished tasks they may see.
        return AsSystem.call(
                identityService,
                () -> historyService
                        .createHistoricTaskInstanceQuery()
                        .taskAssignee(user.getName())
                        .finished()
                        .finishedAfter(Date.from(Instant.now().minus(DAYS, ChronoUnit.DAYS)))
                        .orderByHistoricTaskInstanceEndTime()
                        .desc()
                        .listPage(0, MAX)
                        .stream()
                        .map(DoneTasksController::done)
                        .toList());
    }

    private static DoneTask done(HistoricTaskInstance task) {
        return new DoneTask(
                task.getName(),
                task.getProcessDefinitionKey(),
                task.getProcessInstanceId(),
                task.getStartTime(),
                task.getEndTime(),
                task.getDeleteReason());
    }

    /** One finished task; {@code outcome} is "completed" or why it ended otherwise. */
    record DoneTask(
            String name, String process, String processInstanceId, Date started, Date finished, String outcome) {}
}
