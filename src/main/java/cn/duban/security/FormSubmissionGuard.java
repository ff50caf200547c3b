package cn.duban.security;

import cn.duban.identity.AsSystem;
import cn.duban.taskform.LongText;
import cn.duban.taskform.SubmissionRejectedException;
import cn.duban.taskform.TaskFormFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.PrimitiveValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a person may write by completing a task: the editable fields of that task's own form, each within the form's
 * checks, as plain values (text, number, yes/no), never an object the engine would instantiate. Values of fields
 * the form only shows are not written. Anything else (a deadline, a lead unit, a level, a variable the form does not
 * have) refuses the whole submission with 400 and leaves the task open. The system (no person authenticated) is
 * not checked: that is Duban's own code, which wrote the model.
 */
final class FormSubmissionGuard {

    private final ProcessEngineConfigurationImpl configuration;
    /** Deployed forms never change: one entry per process definition and task, on every node alike. */
    private final Map<String, TaskFormFields> forms = new ConcurrentHashMap<>();

    FormSubmissionGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /** The variables to write for this submission: {@code variables} less the shown-only fields. */
    Map<String, Object> check(String taskId, Map<String, Object> variables) {
        if (!writtenByPerson(variables)) {
            return variables;
        }
        TaskFormFields form = AsSystem.call(configuration.getIdentityService(), () -> formOf(taskId));
        if (form == null) {
            return variables; // no such task: completing it answers 404 as usual
        }
        return written(form, variables);
    }

    /** The same for a process started from its start form: only that form's fields. */
    Map<String, Object> checkStart(String processDefinitionId, Map<String, Object> variables) {
        if (!writtenByPerson(variables)) {
            return variables;
        }
        return written(
                AsSystem.call(configuration.getIdentityService(), () -> startFormOf(processDefinitionId)), variables);
    }

    private boolean writtenByPerson(Map<String, Object> variables) {
        return variables != null
                && !variables.isEmpty()
                && configuration.getIdentityService().getCurrentAuthentication() != null;
    }

    private static Map<String, Object> written(TaskFormFields form, Map<String, Object> variables) {
        Map<String, Object> written = new LinkedHashMap<>();
        for (String name : variables.keySet()) {
            if (form.shown().contains(name)) {
                continue;
            }
            TaskFormFields.FieldCheck field = form.editable().get(name);
            if (field == null) {
                throw new SubmissionRejectedException(
                        name, "任务表单中没有“" + name + "”一项，不能提交；" + "督办信息（截止时间、牵头单位、督办等级等）只能由督办流程调整");
            }
            // A VariableMap hands out typed values undeserialized; its plain getValue() would instantiate objects.
            Object value = variables instanceof VariableMap map ? map.getValueTyped(name) : variables.get(name);
            Object plain = plain(name, field, value);
            String problem = field.problemWith(plain);
            if (problem != null) {
                throw new SubmissionRejectedException(name, problem);
            }
            // A text longer than a String variable holds (a plan pasted into a form) is kept as long text.
            written.put(
                    name,
                    plain instanceof String text && text.length() > LongText.STRING_VARIABLE_LIMIT
                            ? LongText.of(text)
                            : value);
        }
        return written;
    }

    private static Object plain(String name, TaskFormFields.FieldCheck field, Object value) {
        Object plain = value instanceof TypedValue typed ? typedValue(name, field, typed) : value;
        if (plain == null || plain instanceof String || plain instanceof Number || plain instanceof Boolean) {
            return plain;
        }
        if (plain instanceof Date) {
            throw new SubmissionRejectedException(name, "“" + field.label() + "”请按表单填写日期文字（如2026-12-31）");
        }
        throw new SubmissionRejectedException(name, "“" + field.label() + "”只能填写文字、数字或选项，不能提交对象");
    }

    private static Object typedValue(String name, TaskFormFields.FieldCheck field, TypedValue typed) {
        if (typed instanceof PrimitiveValue<?> primitive) {
            return primitive.getValue();
        }
        if (typed.getType() == null || typed.getType() == ValueType.NULL) {
            return typed.getValue(); // untyped: judged by the value's own class
        }
        throw new SubmissionRejectedException(name, "“" + field.label() + "”只能填写文字、数字或选项，不能提交对象");
    }

    private TaskFormFields formOf(String taskId) {
        Task task = configuration
                .getTaskService()
                .createTaskQuery()
                .taskId(taskId)
                .initializeFormKeys()
                .singleResult();
        if (task == null) {
            return null;
        }
        if (task.getCamundaFormRef() == null) {
            return TaskFormFields.NONE;
        }
        if (task.getProcessDefinitionId() == null) {
            return read(taskId);
        }
        return forms.computeIfAbsent(
                task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), key -> read(taskId));
    }

    private TaskFormFields startFormOf(String processDefinitionId) {
        return forms.computeIfAbsent("start/" + processDefinitionId, key -> {
            // No start form, or one that was not deployed: no field a person may write.
            try (InputStream form = configuration.getFormService().getDeployedStartForm(processDefinitionId)) {
                return TaskFormFields.parse(form);
            } catch (ProcessEngineException noForm) {
                return TaskFormFields.NONE;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the start form of " + processDefinitionId, e);
            }
        });
    }

    private TaskFormFields read(String taskId) {
        try (InputStream form = configuration.getFormService().getDeployedTaskForm(taskId)) {
            return TaskFormFields.parse(form);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the deployed form of task " + taskId, e);
        }
    }
}
