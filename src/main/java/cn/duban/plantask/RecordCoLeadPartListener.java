package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.CO_LEAD_EVIDENCE;
import static cn.duban.plantask.PlanTaskVariables.CO_LEAD_PART;
import static cn.duban.plantask.PlanTaskVariables.CO_LEAD_UNIT;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When a co-lead reports its part: keeps the report in Duban's table, in the engine's transaction. The form's fields
 * are local to the co-lead's part, so parallel parts never overwrite each other or the first lead's fields.
 */
@Component("recordCoLeadPartListener")
class RecordCoLeadPartListener implements TaskListener {

    private final CoLeadParts parts;

    RecordCoLeadPartListener(CoLeadParts parts) {
        this.parts = parts;
    }

    @Override
    public void notify(DelegateTask task) {
        Object progress = task.getVariable(CO_LEAD_PART);
        Object evidence = task.getVariable(CO_LEAD_EVIDENCE);
        parts.reported(
                (String) task.getVariable(TASK_CODE),
                (String) task.getVariable(CO_LEAD_UNIT),
                progress == null ? "" : progress.toString().strip(),
                evidence == null ? null : evidence.toString().strip(),
                task.getAssignee());
    }
}
