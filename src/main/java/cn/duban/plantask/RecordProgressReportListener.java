package cn.duban.plantask;

import cn.duban.supervision.DeadlineCheck;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** When a unit completes its 进展报送: keeps its report and records the step, in the engine's transaction. */
@Component("recordProgressReportListener")
class RecordProgressReportListener implements TaskListener {

    private final ProgressReports reports;
    private final DeadlineCheck deadlineCheck;

    RecordProgressReportListener(ProgressReports reports, DeadlineCheck deadlineCheck) {
        this.reports = reports;
        this.deadlineCheck = deadlineCheck;
    }

    @Override
    public void notify(DelegateTask task) {
        Object progress = task.getVariable(PlanTaskVariables.PROGRESS);
        String taskCode = (String) task.getVariable(PlanTaskVariables.TASK_CODE);
        String unit = (String) task.getVariable(PlanTaskVariables.REPORTING_UNIT);
        String content = progress == null ? "" : progress.toString().strip();
        reports.insert(taskCode, unit, content, task.getAssignee());
        deadlineCheck.progressReported(
                taskCode,
                reports.unitName(unit) + "报送进展：" + content,
                content,
                task.getAssignee(),
                ClockUtil.getCurrentTime().toInstant());
    }
}
