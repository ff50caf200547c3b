package cn.duban.security;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/** Camunda's form service, submitting a task's or a process's start form with only what the form lets a person write. */
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
    public VariableMap submitTaskFormWithVariablesInReturn(
            String taskId, Map<String, Object> properties, boolean deserializeValues) {
        return super.submitTaskFormWithVariablesInReturn(taskId, guard.check(taskId, properties), deserializeValues);
    }

    @Override
    public ProcessInstance submitStartForm(String processDefinitionId, Map<String, Object> properties) {
        return super.submitStartForm(processDefinitionId, guard.checkStart(processDefinitionId, properties));
    }

    @Override
    public ProcessInstance submitStartForm(
            String processDefinitionId, String businessKey, Map<String, Object> properties) {
        return super.submitStartForm(
                processDefinitionId, businessKey, guard.checkStart(processDefinitionId, properties));
    }

    @Override
    @SuppressWarnings("deprecation")
    public ProcessInstance submitStartFormData(String processDefinitionId, Map<String, String> properties) {
        return submitStartForm(processDefinitionId, properties == null ? null : new HashMap<>(properties));
    }

    @Override
    @SuppressWarnings("deprecation")
    public ProcessInstance submitStartFormData(
            String processDefinitionId, String businessKey, Map<String, String> properties) {
        return submitStartForm(processDefinitionId, businessKey, properties == null ? null : new HashMap<>(properties));
    }

    @Override
    @SuppressWarnings("deprecation")
    public void submitTaskFormData(String taskId, Map<String, String> properties) {
        submitTaskForm(taskId, properties == null ? null : new HashMap<>(properties));
    }
}
