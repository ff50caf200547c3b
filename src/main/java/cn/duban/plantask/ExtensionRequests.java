package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.DEADLINE;
import static cn.duban.plantask.PlanTaskVariables.EXTENSION_REASON;
import static cn.duban.plantask.PlanTaskVariables.EXTENSION_REQUESTED_BY;
import static cn.duban.plantask.PlanTaskVariables.REQUESTED_DEADLINE;

import cn.duban.identity.AsSystem;
import cn.duban.supervision.DeadlineCheck;
import cn.duban.supervision.SupervisionEvent;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 延期申请: the lead unit asks for a later deadline with a reason, while the task is with the units and no other
 * request is pending. The supervision office and then a leader decide in Tasklist (event sub-process 延期申请).
 */
@Service
class ExtensionRequests {

    /** The first key of the advisory locks that put requests for one task in a row (second key: the task code). */
    private static final int REQUESTS_OF_ONE_TASK = 0x45585452;

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final DeadlineCheck deadlineCheck;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    ExtensionRequests(
            RuntimeService runtimeService,
            TaskService taskService,
            IdentityService identityService,
            DeadlineCheck deadlineCheck,
            JdbcClient jdbc,
            @Value("${duban.time-zone}") ZoneId zone) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.deadlineCheck = deadlineCheck;
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /**
     * Requests for one task wait for each other (a PostgreSQL advisory lock until the transaction ends, so on every
     * node): the second of two sent at once finds the first one's review waiting and is refused with 409.
     */
    @Transactional
    void request(String taskCode, LocalDate requested, String reason, String userId, List<String> userGroups) {
        jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
                .params(REQUESTS_OF_ONE_TASK, taskCode)
                .query((rs, row) -> null)
                .list();
        // A unit cannot read the instance itself; whether the caller may ask is checked against its lead units.
        AsSystem.run(identityService, () -> correlate(taskCode, requested, reason, userId, userGroups));
    }

    private void correlate(
            String taskCode, LocalDate requested, String reason, String userId, List<String> userGroups) {
        ProcessInstance instance = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PlanTaskProcess.KEY)
                .processInstanceBusinessKey(taskCode)
                .singleResult();
        if (instance == null) {
            throw refusal(HttpStatus.NOT_FOUND, "没有进行中的编号为“" + taskCode + "”的任务");
        }
        checkLeadUnit(instance.getId(), userGroups);
        checkOpen(instance.getId());
        checkDates(instance.getId(), requested, reason);
        runtimeService
                .createMessageCorrelation(PlanTaskProcess.MSG_EXTENSION_REQUESTED)
                .processInstanceId(instance.getId())
                .setVariables(Variables.createVariables()
                        .putValue(REQUESTED_DEADLINE, requested.toString())
                        .putValue(EXTENSION_REASON, reason.strip())
                        .putValue(EXTENSION_REQUESTED_BY, userId))
                .correlate();
        deadlineCheck.recordStep(
                taskCode,
                SupervisionEvent.Kind.EXTENSION_REQUESTED,
                "申请延期至" + requested + "：" + reason.strip(),
                userId,
                ClockUtil.getCurrentTime().toInstant());
    }

    private void checkLeadUnit(String instanceId, List<String> userGroups) {
        Set<String> accountable = Set.copyOf(
                new UnitIds().split((String) runtimeService.getVariable(instanceId, PlanTaskVariables.LEAD_UNITS)));
        if (userGroups.stream().noneMatch(accountable::contains)) {
            throw refusal(HttpStatus.FORBIDDEN, "只有牵头单位可以申请延期");
        }
    }

    private void checkOpen(String instanceId) {
        List<String> active = runtimeService.getActiveActivityIds(instanceId);
        if (!UnitSteps.isWithUnits(active)) {
            throw refusal(HttpStatus.CONFLICT, "任务已报送办理结果，不能再申请延期");
        }
        if (active.contains(PlanTaskProcess.REVIEW_EXTENSION) || active.contains(PlanTaskProcess.APPROVE_EXTENSION)) {
            throw refusal(HttpStatus.CONFLICT, "已有一项延期申请正在审批，请等待结果");
        }
    }

    private void checkDates(String instanceId, LocalDate requested, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw refusal(HttpStatus.BAD_REQUEST, "请填写延期理由（不超过2000字）");
        }
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
        LocalDate current = ((Date) runtimeService.getVariable(instanceId, DEADLINE))
                .toInstant()
                .atZone(zone)
                .toLocalDate();
        if (requested == null || !requested.isAfter(current) || requested.isBefore(today)) {
            throw refusal(HttpStatus.BAD_REQUEST, "申请的新期限应晚于现在的完成时限（" + current + "），且不早于今天");
        }
    }

    private static ResponseStatusException refusal(HttpStatus status, String message) {
        return new ResponseStatusException(status, message);
    }
}
