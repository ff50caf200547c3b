package cn.duban.accountability;

import cn.duban.identity.AsSystem;
import cn.duban.identity.TransactionMemo;
import cn.duban.supervision.SupervisionEvent;
import cn.duban.supervision.SupervisionRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accountability cases (问责): each one an {@code accountability} process instance linked to its plan task, opened
 * by the escalation ladder or by falsified data, and recorded on the task.
 */
@Repository
public class AccountabilityCases {

    static final String PROCESS_KEY = "accountability";
    /** What the case's forms show of the plan task, copied from the plan-task instance. */
    private static final List<String> TASK_VARIABLES =
            List.of("taskCode", "taskTitle", "taskText", "planTitle", "leadUnitNames", "deadlineText");

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final SupervisionRecord record;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final TransactionMemo memo = new TransactionMemo();

    AccountabilityCases(
            JdbcClient jdbc,
            RuntimeService runtimeService,
            SupervisionRecord record,
            RepositoryService repositoryService,
            IdentityService identityService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.record = record;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
    }

    /**
     * The latest version of the case process, looked up once per transaction: a plan published past its deadlines
     * opens a case for many of its tasks in one transaction.
     */
    private String latestDefinitionId() {
        return memo.get(
                PROCESS_KEY,
                () -> AsSystem.call(
                        identityService,
                        () -> repositoryService
                                .createProcessDefinitionQuery()
                                .processDefinitionKey(PROCESS_KEY)
                                .latestVersion()
                                .singleResult()
                                .getId()));
    }

    public enum Trigger {
        /** The escalation ladder reached 追责. */
        ESCALATION,
        /** Inspection found falsified data. */
        FALSIFICATION,
        /** The annual assessment's year-end step: a target of the year not met (not closed by the year's end). */
        ANNUAL_TARGET
    }

    public boolean hasOpenCase(String taskCode) {
        return jdbc.sql("select count(*) from duban.accountability_case where task_code = ? and closed_at is null")
                        .param(taskCode)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Opens a case for the task of {@code planTaskInstanceId}; returns the case's process instance id. */
    public String open(String taskCode, String planTaskInstanceId, Trigger trigger, String reason, Instant at) {
        return open(
                taskCode,
                planTaskInstanceId,
                runtimeService.getVariables(planTaskInstanceId, TASK_VARIABLES),
                trigger,
                reason,
                at);
    }

    /** Opens a case from the plan-task instance's own step, with the variables the case's forms show. */
    String open(DelegateExecution planTask, Trigger trigger, String reason, Instant at) {
        Map<String, Object> task = new HashMap<>();
        TASK_VARIABLES.forEach(name -> task.put(name, planTask.getVariable(name)));
        return open(
                (String) planTask.getVariable("taskCode"), planTask.getProcessInstanceId(), task, trigger, reason, at);
    }

    private String open(
            String taskCode,
            String planTaskInstanceId,
            Map<String, Object> task,
            Trigger trigger,
            String reason,
            Instant at) {
        String caseInstance = runtimeService
                .createProcessInstanceById(latestDefinitionId())
                .businessKey(taskCode)
                .setVariables(Variables.fromMap(task)
                        .putValue("planTaskInstanceId", planTaskInstanceId)
                        .putValue("trigger", trigger.name())
                        .putValue("triggerReason", reason))
                .execute()
                .getId();
        Long caseId = jdbc.sql("""
                        insert into duban.accountability_case (task_code, process_instance_id, trigger, trigger_reason)
                        values (?, ?, ?, ?) returning id""")
                .params(taskCode, caseInstance, trigger.name(), reason)
                .query(Long.class)
                .single();
        record.event(
                taskCode,
                SupervisionEvent.Kind.ACCOUNTABILITY_OPENED,
                null,
                "启动问责（问责案件" + caseId + "）：" + reason,
                null,
                at);
        return caseInstance;
    }

    void decide(String caseInstance, String decision, String reason, String decidedBy, Instant at) {
        jdbc.sql("update duban.accountability_case set decision = ? where process_instance_id = ?")
                .params(decision, caseInstance)
                .update();
        taskCodeOf(caseInstance)
                .ifPresent(taskCode -> record.event(
                        taskCode, SupervisionEvent.Kind.ACCOUNTABILITY_DECIDED, null, "问责决定：" + reason, decidedBy, at));
    }

    void recordOutcome(String caseInstance, String outcome) {
        jdbc.sql("update duban.accountability_case set outcome = ? where process_instance_id = ?")
                .params(outcome, caseInstance)
                .update();
    }

    void close(String caseInstance) {
        jdbc.sql("update duban.accountability_case set closed_at = now() where process_instance_id = ?")
                .param(caseInstance)
                .update();
    }

    /** The cases of a task, oldest first. */
    public List<AccountabilityCase> of(String taskCode) {
        return jdbc.sql("""
                        select id, process_instance_id, trigger, trigger_reason, decision, outcome, closed_at is not null
                        from duban.accountability_case where task_code = ? order by opened_at, id""")
                .param(taskCode)
                .query((rs, row) -> new AccountabilityCase(
                        rs.getLong(1),
                        rs.getString(2),
                        Trigger.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7)))
                .list();
    }

    private Optional<String> taskCodeOf(String caseInstance) {
        return jdbc.sql("select task_code from duban.accountability_case where process_instance_id = ?")
                .param(caseInstance)
                .query(String.class)
                .optional();
    }

    /** One case as the supervision office sees it. */
    public record AccountabilityCase(
            long id,
            String processInstanceId,
            Trigger trigger,
            String triggerReason,
            String decision,
            String outcome,
            boolean closed) {}
}
