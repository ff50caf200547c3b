package cn.duban.security;

import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/** Camunda's form service, submitting a task form with only what the form lets the person write. */
final class GuardedFormService extends FormServiceImpl {

    private final FormSubmissionGuard guard;

    GuardedFormService(FormSubmissionGuard guard) {
        this.guard = guard;
    }

    @Override
    public void submitTaskForm(String taskId, Map<String, Object> properties) {
        super.submitTaskForm(taskId, guard.check(taskId, properties));
    }

    @Override
    public VariableMap submitTaskFormWithVariablesInReturn(String taskId, Map<String, Object> properties,
            boolean deserializeValues) {
        return super.submitTaskFormWithVariablesInReturn(taskId, guard.check(taskId, properties), deserializeValues);
    }

    @Override
    @SuppressWarnings("deprecation")
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
        submitTaskForm(taskId, properties == null ? null : new java.util.HashMap<>(properties));
    }
}
