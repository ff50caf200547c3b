package cn.duban.security;

import java.util.Map;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/** Camunda's task service, completing a task with only what its form lets the person write. */
final class GuardedTaskService extends TaskServiceImpl {

    private final FormSubmissionGuard guard;

    GuardedTaskService(FormSubmissionGuard guard) {
        this.guard = guard;
    }

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        super.complete(taskId, guard.check(taskId, variables));
    }

    @Override
    public VariableMap completeWithVariablesInReturn(
            String taskId, Map<String, Object> variables, boolean deserializeValues) {
        return super.completeWithVariablesInReturn(taskId, guard.check(taskId, variables), deserializeValues);
    }
}
