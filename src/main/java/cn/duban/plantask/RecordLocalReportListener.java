package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.IMPLEMENTING_UNIT;
import static cn.duban.plantask.PlanTaskVariables.LOCAL_EVIDENCE;
import static cn.duban.plantask.PlanTaskVariables.LOCAL_PROGRESS;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When an implementing unit completes its part: keeps its report in Duban's table, in the engine's transaction.
 * The form's fields are local variables of the unit's part, so parallel parts never overwrite each other; whether
 * they are filled in is checked by {@link RequiredFieldsListener} when the part ends.
 */
@Component("recordLocalReportListener")
class RecordLocalReportListener implements TaskListener {

    private final LocalReports reports;

    RecordLocalReportListener(LocalReports reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        Object progress = task.getVariable(LOCAL_PROGRESS);
        Object evidence = task.getVariable(LOCAL_EVIDENCE);
        reports.record(
                (String) task.getVariable(TASK_CODE),
                (String) task.getVariable(IMPLEMENTING_UNIT),
                progress == null ? "" : progress.toString().strip(),
                evidence == null ? null : evidence.toString().strip(),
                task.getAssignee());
    }
}
