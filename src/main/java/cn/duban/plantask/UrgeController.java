package cn.duban.plantask;

import cn.duban.identity.AsSystem;
import cn.duban.supervision.TaskSupervision;
import cn.duban.supervision.Urging;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/plan-tasks/{code}/urges}: the supervision office urges a task with a message. The count weighs on
 * the escalation ladder; the message appears on the forms of the units working on the task.
 */
@RestController
class UrgeController {

    private final Urging urging;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    UrgeController(Urging urging, RuntimeService runtimeService, IdentityService identityService) {
        this.urging = urging;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    @PostMapping("/api/plan-tasks/{code}/urges")
    @Transactional
    TaskSupervision urge(@PathVariable String code, @RequestBody Urge urge, Principal user) {
        TaskSupervision task = urging.urge(code, urge.message(), user.getName(), Instant.now());
        // Only the supervision office gets here (checked at the door); the unit's forms show the urge.
        showOnForms(task, urge.message());
        return task;
    }

    /**
     * {@code POST /api/plan-tasks/urges}: 批量催办, several tasks with one message from the overdue list; all or none.
     */
    @PostMapping("/api/plan-tasks/urges")
    @Transactional
    List<TaskSupervision> urgeAll(@RequestBody BatchUrge urge, Principal user) {
        List<TaskSupervision> tasks = urging.urgeAll(urge.taskCodes(), urge.message(), user.getName(), Instant.now());
        tasks.forEach(task -> showOnForms(task, urge.message()));
        return tasks;
    }

    private void showOnForms(TaskSupervision task, String message) {
        AsSystem.run(
                identityService,
                () -> runtimeService.setVariables(
                        task.processInstanceId(),
                        Variables.createVariables()
                                .putValue(PlanTaskVariables.TIMES_URGED, task.timesUrged())
                                .putValue(
                                        PlanTaskVariables.LAST_URGE,
                                        "第" + task.timesUrged() + "次催办：" + message.strip())));
    }

    /** Several tasks, one message. */
    record BatchUrge(List<String> taskCodes, String message) {}

    /** What the supervision office writes to the unit. */
    record Urge(String message) {}
}
