package cn.duban.plantask;

import cn.duban.supervision.DeadlineCheck;
import cn.duban.supervision.SupervisionEvent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 进展报送 (event sub-process 进展报送): who reports ({@code ${progressReports.reporters(leadUnits,
 * implementingUnits)}}: the lead units and every implementing unit, each for its own part), keeping each report on
 * completion, and recording a round that is not complete by its due date.
 */
@Component("progressReports")
public class ProgressReports implements TaskListener, JavaDelegate {

    private final JdbcClient jdbc;
    private final DeadlineCheck deadlineCheck;

    ProgressReports(JdbcClient jdbc, DeadlineCheck deadlineCheck) {
        this.jdbc = jdbc;
        this.deadlineCheck = deadlineCheck;
    }

    public List<String> reporters(String leadUnits, String implementingUnits) {
        UnitIds ids = new UnitIds();
        List<String> reporters = new ArrayList<>(ids.split(leadUnits));
        ids.split(implementingUnits).stream().filter(id -> !reporters.contains(id)).forEach(reporters::add);
        return reporters;
    }

    /** Task listener (complete): keeps the unit's report, in the engine's transaction. */
    @Override
    public void notify(DelegateTask task) {
        Object progress = task.getVariable(PlanTaskVariables.PROGRESS);
        String taskCode = (String) task.getVariable(PlanTaskVariables.TASK_CODE);
        String unit = (String) task.getVariable(PlanTaskVariables.REPORTING_UNIT);
        String content = progress == null ? "" : progress.toString().strip();
        jdbc.sql("insert into duban.progress_report (task_code, unit_id, content, reported_by) values (?, ?, ?, ?)")
                .params(taskCode, unit, content, task.getAssignee()).update();
        deadlineCheck.progressReported(taskCode, unitName(unit) + "报送进展：" + content, content, task.getAssignee(),
                ClockUtil.getCurrentTime().toInstant());
    }

    /** Service task (a round's due date passed): records which units have not reported. */
    @Override
    public void execute(DelegateExecution execution) {
        List<Task> open = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(PlanTaskProcess.REPORT_PROGRESS).list();
        String missing = open.stream()
                .map(task -> execution.getProcessEngineServices().getTaskService()
                        .getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                        .filter(id -> id != null).findFirst().map(this::unitName).orElse("?"))
                .collect(Collectors.joining("、"));
        if (!missing.isEmpty()) {
            deadlineCheck.recordStep((String) execution.getVariable(PlanTaskVariables.TASK_CODE),
                    SupervisionEvent.Kind.PROGRESS_REPORT_MISSED, missing + "未按期报送进展", null,
                    ClockUtil.getCurrentTime().toInstant());
        }
    }

    /** The reports of a task, newest first. */
    public List<ProgressReport> of(String taskCode) {
        return jdbc.sql("""
                        select r.unit_id, u.name, r.content, r.reported_by, r.reported_at
                        from duban.progress_report r join duban.unit u on u.id = r.unit_id
                        where r.task_code = ? order by r.reported_at desc, r.id desc""")
                .param(taskCode)
                .query((rs, row) -> new ProgressReport(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    private String unitName(String unitId) {
        return jdbc.sql("select name from duban.unit where id = ?").param(unitId).query(String.class).optional()
                .orElse(unitId);
    }

    /** One unit's progress report. */
    public record ProgressReport(String unitId, String unitName, String content, String reportedBy,
                                 OffsetDateTime reportedAt) {
    }
}
