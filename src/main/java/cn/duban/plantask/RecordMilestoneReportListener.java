package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.MILESTONE;
import static cn.duban.plantask.PlanTaskVariables.MILESTONE_EVIDENCE;
import static cn.duban.plantask.PlanTaskVariables.MILESTONE_RESULT;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When the lead unit reports on a milestone (阶段性成果报送): keeps it, in the engine's transaction. */
@Component("recordMilestoneReportListener")
class RecordMilestoneReportListener implements TaskListener {

    private final MilestoneReports reports;

    RecordMilestoneReportListener(MilestoneReports reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        String milestone = (String) task.getVariable(MILESTONE);
        Object result = task.getVariable(MILESTONE_RESULT);
        Object evidence = task.getVariable(MILESTONE_EVIDENCE);
        reports.record(
                (String) task.getVariable(TASK_CODE),
                MilestoneSchedule.day(milestone),
                milestone,
                result == null ? "" : result.toString().strip(),
                evidence == null ? null : evidence.toString().strip(),
                task.getAssignee());
    }
}
