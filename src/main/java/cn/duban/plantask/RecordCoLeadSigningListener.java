package cn.duban.plantask;

import static cn.duban.plantask.PlanTaskVariables.CO_LEAD_CONTACT_PHONE;
import static cn.duban.plantask.PlanTaskVariables.CO_LEAD_RESPONSIBLE_PERSON;
import static cn.duban.plantask.PlanTaskVariables.CO_LEAD_UNIT;
import static cn.duban.plantask.PlanTaskVariables.TASK_CODE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When a co-lead signs for its part: keeps its signer, responsible person and phone, in the engine's transaction. */
@Component("recordCoLeadSigningListener")
class RecordCoLeadSigningListener implements TaskListener {

    private final CoLeadParts parts;

    RecordCoLeadSigningListener(CoLeadParts parts) {
        this.parts = parts;
    }

    @Override
    public void notify(DelegateTask task) {
        parts.signed(
                (String) task.getVariable(TASK_CODE),
                (String) task.getVariable(CO_LEAD_UNIT),
                text(task.getVariable(CO_LEAD_RESPONSIBLE_PERSON)),
                text(task.getVariable(CO_LEAD_CONTACT_PHONE)),
                task.getAssignee());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().strip();
    }
}
