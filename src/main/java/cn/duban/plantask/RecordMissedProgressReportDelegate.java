package cn.duban.plantask;

import cn.duban.supervision.DeadlineCheck;
import cn.duban.supervision.SupervisionEvent;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/** 记录逾期未报 (ServiceTask_RecordMissedReport): a round's due date passed; records which units have not reported. */
@Component("recordMissedProgressReportDelegate")
class RecordMissedProgressReportDelegate implements JavaDelegate {

    private final ProgressReports reports;
    private final DeadlineCheck deadlineCheck;

    RecordMissedProgressReportDelegate(ProgressReports reports, DeadlineCheck deadlineCheck) {
        this.reports = reports;
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        String missing = tasks
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(PlanTaskProcess.REPORT_PROGRESS)
                .list()
                .stream()
                .map(task -> tasks.getIdentityLinksForTask(task.getId()).stream()
                        .map(IdentityLink::getGroupId)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .map(reports::unitName)
                        .orElse("?"))
                .collect(Collectors.joining("、"));
        if (!missing.isEmpty()) {
            deadlineCheck.recordStep(
                    (String) execution.getVariable(PlanTaskVariables.TASK_CODE),
                    SupervisionEvent.Kind.PROGRESS_REPORT_MISSED,
                    missing + "未按期报送进展",
                    null,
                    ClockUtil.getCurrentTime().toInstant());
        }
    }
}
