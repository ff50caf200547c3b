package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.CONTRIBUTION;
import static cn.duban.plantask.PlanTaskVariables.CONTRIBUTION_DECISION;
import static cn.duban.plantask.PlanTaskVariables.CONTRIBUTION_EVIDENCE;
import static cn.duban.plantask.PlanTaskVariables.DECLINE_REASON;
import static cn.duban.plantask.PlanTaskVariables.SUPPORT_UNIT;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import cn.duban.taskform.DeployedFormRules;
import cn.duban.taskform.SubmissionRejectedException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A support unit's contribution task. On completion the task's assignee is remembered; when the task ends, the
 * answer must be complete (a contribution, or a reason for declining) and is kept in Duban's table in the engine's
 * transaction. The form's fields are local to the unit's own task, so parallel units never overwrite each other.
 */
@Component("recordContributionListener")
class RecordContributionListener implements TaskListener, ExecutionListener {

    static final String CONTRIBUTE = "contribute";
    static final String DECLINE = "decline";
    private static final String REPORTED_BY = "contributionReportedBy";

    private final Contributions contributions;
    private final DeployedFormRules formRules;

    RecordContributionListener(Contributions contributions, DeployedFormRules formRules) {
        this.contributions = contributions;
        this.formRules = formRules;
    }

    @Override
    public void notify(DelegateTask task) {
        task.getExecution().setVariableLocal(REPORTED_BY, task.getAssignee());
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        Object decision = execution.getVariable(CONTRIBUTION_DECISION);
        boolean declined = DECLINE.equals(decision);
        if (!declined && !CONTRIBUTE.equals(decision)) {
            throw new SubmissionRejectedException(CONTRIBUTION_DECISION, "请选择“配合办理”或“不予配合”");
        }
        // 配合办理情况 or 不予配合的理由, as the deployed form requires the one it shows.
        formRules.check(execution);
        Object content = execution.getVariable(declined ? DECLINE_REASON : CONTRIBUTION);
        Object evidence = execution.getVariable(CONTRIBUTION_EVIDENCE);
        contributions.record(
                (String) execution.getVariable(TASK_CODE),
                (String) execution.getVariable(SUPPORT_UNIT),
                declined,
                content.toString().strip(),
                evidence == null ? null : evidence.toString().strip(),
                (String) execution.getVariable(REPORTED_BY));
    }
}
